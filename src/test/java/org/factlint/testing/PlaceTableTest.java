package org.factlint.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.factlint.Flag;
import org.factlint.RulePack;
import org.factlint.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which place lies within which is the pack's data ({@code places.csv}): a row an author adds changes which claims
 * answer, corroborate and contradict each other, with no DRL or Java edit. The bundled pack's rows are asserted by its
 * own scenarios ({@code rules/tests/places.json}); here copies add a row and drop the table.
 */
class PlaceTableTest {
    @TempDir
    Path tmp;

    private Map<String, ScenarioResult> placeScenarios(Path pack) throws IOException {
        ScenarioRunner runner = new ScenarioRunner(RulePack.load(pack));
        return ScenarioFiles.read(pack.resolve("tests/places.json")).stream()
                .map(runner::run).collect(Collectors.toMap(ScenarioResult::name, Function.identity()));
    }

    private static List<String> codes(Map<String, ScenarioResult> results, String scenario) {
        assertThat(results).containsKey(scenario);
        return results.get(scenario).flags().stream().map(Flag::code).toList();
    }

    @Test
    void oneRowSochiInRussia_makesAClaimMadeInSochiAnswerWhetherHeComesToRussia() throws IOException {
        Path copy = tmp.resolve("pack");
        TestFiles.copyTree(Path.of("rules"), copy);
        Files.writeString(copy.resolve("places.csv"), Files.readString(copy.resolve("places.csv")) + "Sochi,Russia\n");
        Map<String, ScenarioResult> results = placeScenarios(copy);
        assertThat(codes(results, "places: a claim in a city the table does not list leaves the question open"))
                .isEmpty();
        assertThat(results.values().stream().filter(r -> !r.passed()).map(ScenarioResult::name))
                .containsExactly("places: a claim in a city the table does not list leaves the question open");
    }

    @Test
    void withoutTheTable_RedSquareAndRussiaAreTwoPlaces() throws IOException {
        Path copy = tmp.resolve("pack");
        TestFiles.copyTree(Path.of("rules"), copy);
        Files.delete(copy.resolve("places.csv"));
        Map<String, ScenarioResult> results = placeScenarios(copy);
        assertThat(codes(results, "places: a claim on Red Square answers whether he would come to the events in Russia"))
                .containsExactly("UNC-UNDECIDED");
        assertThat(codes(results, "places: one person on Red Square and in Moscow on one day is in one place"))
                .containsExactly("CON-TWO-PLACES");
        assertThat(codes(results, "places: no guest at the events in Russia, against a guest on Red Square"))
                .isEmpty();
        assertThat(codes(results, "places: the only foreign leader at the events in Russia, against another on Red Square"))
                .isEmpty();
        assertThat(codes(results, "places: attending on Red Square settles whether he accepted the invitation to Russia"))
                .containsExactly("UNC-UNSPECIFIED");
        // the scenarios of places the table keeps apart, and of none, are the same without it
        assertThat(results.values().stream().filter(ScenarioResult::passed).map(ScenarioResult::name))
                .containsExactlyInAnyOrder("places: a claim in a city the table does not list leaves the question open",
                        "places: a claim the table puts in another country does not answer");
    }
}
