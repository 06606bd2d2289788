package org.factlint.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.factlint.Checker;
import org.factlint.Factlint;
import org.factlint.Flag;
import org.factlint.RulePack;
import org.factlint.RuleProblem;
import org.factlint.internal.PackFiles;
import org.factlint.internal.Scopes;
import org.factlint.model.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pack's scopes (scopes.csv) are checked against its codes and its keys. */
class ScopesTest {
    @TempDir
    Path dir;

    private static Map<String, String> bundledWithScopes(String scopes) throws IOException {
        Map<String, String> files = new TreeMap<>(PackFiles.read(Path.of("rules")));
        files.put(Scopes.FILE, scopes);
        return files;
    }

    private static String bundledScopes() throws IOException {
        return Files.readString(Path.of("rules", Scopes.FILE));
    }

    @Test
    void theBundledPackGivesEveryFlaggingCodeAScope_andHasNoStrayRow() {
        assertThat(RulePack.bundled().warnings()).extracting(RuleProblem::file).doesNotContain(Scopes.FILE);
    }

    @Test
    void aCodeWithoutAScope_andARowOfNoCode_areWarnedAbout() throws IOException {
        String scopes = bundledScopes().lines().filter(l -> !l.startsWith("UNC-HEDGED,"))
                .collect(Collectors.joining("\n")) + "\nUNC-HEDGD,claim\n";
        int stray = (int) scopes.lines().count();

        RulePack pack = RulePack.of("edited", bundledWithScopes(scopes));

        assertThat(pack.warnings()).extracting(RuleProblem::toString).contains(
                "scopes.csv:1:1: code UNC-HEDGED has no scope: a claim store checks whole components with this pack"
                        + " (slower as the store grows); add its rows",
                "scopes.csv:" + stray + ":1: 'UNC-HEDGD' is no code of the pack's rules");
    }

    @Test
    void aStepThatIsNoDeclaredKey_isALocatedError() throws IOException {
        String scopes = bundledScopes() + "UNC-HEDGED,claim>evnt\n";
        int line = (int) scopes.lines().count();

        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> RulePack.of("bad", bundledWithScopes(scopes))))
                .hasMessageContaining("scopes.csv:" + line + ":");
    }

    @Test
    void aSupportRowOfACodeWithoutAScope_isWarnedAbout_andAStepThatIsNoKey_isALocatedError() throws IOException {
        Map<String, String> files = bundledWithScopes(bundledScopes());
        files.put(Scopes.SUPPORT_FILE, "code,support,clock\nUNC-HEDGD,claim,\n");
        assertThat(RulePack.of("edited", files).warnings()).extracting(RuleProblem::toString).contains(
                "retractions.csv:2:1: code UNC-HEDGD has no scope in scopes.csv: its support rows are not used");

        files.put(Scopes.SUPPORT_FILE, "code,support,clock\nUNC-HEDGED,clam,\n");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> RulePack.of("bad", files)))
                .hasMessageContaining("retractions.csv:2:");
    }

    @Test
    void evidenceAsTheScopeOfEveryLoadedFact_isALocatedError() throws IOException {
        String scopes = bundledScopes() + "*,@evidence\n";
        int line = (int) scopes.lines().count();

        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> RulePack.of("bad", bundledWithScopes(scopes))))
                .hasMessageContaining("scopes.csv:" + line + ":")
                .hasMessageContaining("'@evidence' is the scope of a flag code, not of every loaded fact");
    }
}
