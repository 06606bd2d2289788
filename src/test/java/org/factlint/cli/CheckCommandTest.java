package org.factlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.factlint.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code factlint check} through picocli's execute, with captured output and picocli's exit codes. */
class CheckCommandTest {
    static final String SEED = "seeds/moscow-times.claims.json";

    static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void exitsOne_andPrintsEachFlagAndTheCounts_whenTheSeedIsFlagged() {
        CliRun run = run("check", SEED);
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("HIGH   UNC-NONCONFIRMED       mt:c1, mt:c4")
                .contains("evidence: 'has not yet officially confirmed'")
                .endsWith("1 document read, 1 accepted, 0 rejected; 16 claims; 11 flags (2 high, 5 medium, 4 low)"
                        + System.lineSeparator());
        assertThat(run.err()).isEmpty();
    }

    @Test
    void exitsZero_whenNothingReachesTheThreshold() throws IOException {
        CliRun run = run("check", "--fail-on", "high", "src/test/resources/docs/valid/full.json");
        assertThat(run.exit()).isEqualTo(0);
        assertThat(run.out()).contains("2 flags (2 medium)");
    }

    @Test
    void writesTheJsonReport_withFlagsCountsAndRejectedInputs() throws IOException {
        CliRun run = run("check", "--format", "json", SEED);
        JsonNode report = Json.mapper().readTree(run.out());
        assertThat(report.at("/counts/read").asInt()).isEqualTo(1);
        assertThat(report.at("/counts/flags").asInt()).isEqualTo(11);
        assertThat(report.at("/rejected").isArray()).isTrue();
        JsonNode first = report.at("/flags/0");
        assertThat(first.fieldNames()).toIterable()
                .containsExactly("code", "category", "severity", "rule", "claims", "sources", "evidence", "message");
        assertThat(first.get("category").asText()).isEqualTo("UNCONFIRMED");
    }

    @Test
    void exitsTwo_andNamesTheLocatedError_whenAnInputIsBad_afterCheckingTheGoodOnes() {
        CliRun run = run("check", SEED, "src/test/resources/docs/invalid/ref-undeclared-source.json");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).contains("2 documents read, 1 accepted, 1 rejected; 16 claims; 11 flags");
        assertThat(run.err()).isEqualTo("src/test/resources/docs/invalid/ref-undeclared-source.json:42:21:"
                + " $.claims[0].attribution[0].source: claim 'c1': source 'tass' is not declared"
                + " (declared: 'paper', 'tdh')" + System.lineSeparator());
    }

    @Test
    void exitsTwo_whenAFileDoesNotExist() {
        CliRun run = run("check", "nowhere.json");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("factlint: cannot read 'nowhere.json': no such file" + System.lineSeparator());
    }

    @Test
    void exitsTwo_onABadSeverity() {
        CliRun run = run("check", "--fail-on", "severe", SEED);
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("Invalid value for option '--fail-on': severity 'severe' is not one of:"
                + " low, medium, high");
    }

    @Test
    void exitsTwo_onAnUnknownFormat() {
        CliRun run = run("check", "--format", "pdf", SEED);
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("Invalid value for option '--format': expected one of");
    }

    @Test
    void exitsTwo_andListsLocatedErrors_whenTheRulePackDoesNotCompile(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("broken.drl"), """
                package org.factlint.rules;

                rule "broken"
                when
                    $c : ClaimFact( subjectKey == == "x" )
                then
                end
                """);
        CliRun run = run("check", "--rules", dir.toString(), SEED);
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("factlint: rule pack " + dir + " has ").contains("\nbroken.drl:5:35: ");
    }

    @Test
    void usesARulePackFromADirectory() throws IOException {
        CliRun run = run("check", "--rules", "rules", SEED);
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("11 flags");
    }
}
