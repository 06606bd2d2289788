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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How far an undated claim reaches is the pack's data ({@code undated.csv}): an author who writes another number
 * changes which claims meet, with no Java edit. The bundled pack's 30 days are asserted by its own scenarios
 * ({@code rules/tests/time.json}); here a copy says 31.
 */
class UndatedWindowTest {
    @TempDir
    static Path tmp;
    private static Map<String, ScenarioResult> with31Days;

    @BeforeAll
    static void runTheTimeScenariosOnACopyThatSays31Days() throws IOException {
        Path copy = tmp.resolve("pack");
        TestFiles.copyTree(Path.of("rules"), copy);
        Files.writeString(copy.resolve("undated.csv"), "days\n31\n");
        ScenarioRunner runner = new ScenarioRunner(RulePack.load(copy));
        with31Days = ScenarioFiles.read(copy.resolve("tests/time.json")).stream()
                .map(runner::run).collect(Collectors.toMap(ScenarioResult::name, Function.identity()));
    }

    private static List<String> codes(String scenario) {
        assertThat(with31Days).containsKey(scenario);
        return with31Days.get(scenario).flags().stream().map(Flag::code).toList();
    }

    @Test
    void anUndatedDenial31DaysLater_contradictsWhenTheTableSays31Days() {
        assertThat(codes("time: an undated denial published 31 days later is news of another moment"))
                .containsExactly("CON-POLARITY");
    }

    @Test
    void aDatedDenialOfTheDay31DaysAfterPublication_contradictsWhenTheTableSays31Days() {
        assertThat(codes("time: a dated denial of a day outside an undated claim's 30 days does not contradict it"))
                .containsExactly("CON-POLARITY");
    }

    @Test
    void theOtherTimeScenarios_areUnchangedByOneMoreDay() {
        assertThat(with31Days.values().stream().filter(r -> !r.passed()).map(ScenarioResult::name))
                .containsExactlyInAnyOrder(
                        "time: an undated denial published 31 days later is news of another moment",
                        "time: a dated denial of a day outside an undated claim's 30 days does not contradict it");
    }
}
