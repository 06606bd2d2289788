package org.factlint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.factlint.Factlint;
import org.factlint.ReloadingChecker;
import org.factlint.RulePack;
import org.factlint.RulePackException;
import org.factlint.Trust;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pack with no rules (a mistyped path, a directory of JSON) is an error everywhere, never "0 flags". */
class EmptyPackTest {
    private static final String SEED = "seeds/moscow-times.claims.json";
    private static final String NO_DRL = "the pack has no rules: no .drl file in it";

    @TempDir
    static Path tmp;
    static Path jsonOnly;

    @BeforeAll
    static void aDirectoryOfJson() throws IOException {
        jsonOnly = Files.createDirectories(tmp.resolve("claims"));
        Files.copy(Path.of(SEED), jsonOnly.resolve("mt.json"));
    }

    @Test
    void check_withAPackOfNoRules_exitsTwo_andSaysSo() {
        CliRun r = CliRun.of("check", "--rules", jsonOnly.toString(), SEED);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("factlint: rule pack " + jsonOnly + " has 1 error:\n" + NO_DRL + "\n");
    }

    @Test
    void validate_ofAPackOfNoRules_isAnError() {
        CliRun r = CliRun.of("validate", jsonOnly.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEqualTo(jsonOnly + ": " + NO_DRL + "\n" + jsonOnly + ": 1 error, 0 warnings\n");
    }

    @Test
    void test_ofAPackOfNoRules_isAnError_notFullCoverage() {
        CliRun r = CliRun.of("test", jsonOnly.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).doesNotContain("100%").doesNotContain("0 passed");
        assertThat(r.err()).startsWith(jsonOnly + ": " + NO_DRL + "\n");
    }

    @Test
    void library_refusesAPackOfNoRules_fromADirectory_orFromText() {
        assertThatThrownBy(() -> Factlint.checker(jsonOnly)).isInstanceOf(RulePackException.class)
                .hasMessage("rule pack " + jsonOnly + " has 1 error:\n" + NO_DRL);
        assertThatThrownBy(() -> RulePack.of("tables", Map.of("sources.csv", "source,kind,party\n")))
                .hasMessageEndingWith(NO_DRL + " (only sources.csv)");
        assertThatThrownBy(() -> RulePack.of("declarations", Map.of("d.drl", "package org.factlint.rules;\n"
                + "declare Marker\n    name : String\nend\n")))
                .hasMessageEndingWith("the pack has no rules: its DRL files (d.drl) declare none");
    }

    @Test
    void reload_refusesAPackWhoseRulesWereAllDeleted(@TempDir Path dir) throws IOException {
        Path drl = Files.writeString(dir.resolve("r.drl"), "package org.factlint.rules;\nimport org.factlint.facts.ClaimFact;\n"
                + "rule \"any\"\nwhen\n    ClaimFact()\nthen\nend\n");
        try (ReloadingChecker checker = ReloadingChecker.watch(dir, Trust.CHECKED, Duration.ofHours(1))) {
            Files.delete(drl);
            assertThat(checker.reloadIfChanged()).isFalse();
            assertThat(checker.lastError()).get().isInstanceOf(RulePackException.class)
                    .extracting(Throwable::getMessage).asString().endsWith(NO_DRL);
            assertThat(checker.pack().rules()).hasSize(1);
        }
    }
}
