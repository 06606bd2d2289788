package org.factlint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tests that break packs on purpose keep their WARN/ERROR lines out of the build's console, in target/test.log. */
class TestLoggingTest {
    @Test
    void aPackWithWarnings_logsToTheTestLog_notToTheConsole() throws Exception {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(console, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        try {
            RulePack pack = RulePack.of("noisy", Map.of("n.drl", "package org.factlint.rules;\n"
                    + "import org.factlint.facts.ClaimFact;\nrule \"integers\"\nwhen\n    ClaimFact()\n    Integer()\nthen\nend\n"));
            assertThat(pack.warnings()).hasSize(1);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        assertThat(console.toString(StandardCharsets.UTF_8)).doesNotContain("WARN").doesNotContain("rule pack noisy");
        assertThat(Path.of("target/test.log")).exists();
        assertThat(Files.size(Path.of("target/test.log"))).isPositive();
    }
}
