package org.factlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.factlint.Factlint;
import org.factlint.Report;
import org.factlint.RulePack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text taken from input never reaches the terminal or a log raw: an ANSI escape in a claim's text, echoed by a rule's
 * error, is printed and logged as the six characters {@code \u001b}, never as the escape that would clear the screen
 * or forge a line.
 */
class HostileTextCliTest {
    private static final char ESC = '\u001b';
    /** A rule that fails with the claim's text in its message, as a careless rule would. */
    static final String ECHO = """
            package org.factlint.rules;
            import org.factlint.facts.ClaimFact;
            rule "Echo"
            when
                $c : ClaimFact()
            then
                throw new IllegalStateException( "cannot handle " + $c.text() );
            end
            """;

    /** One document whose claim text clears the screen, turns red, and starts a forged line (the reader folds the
     * carriage return into a space; the C1 "next line" stays). */
    static String hostileDocument(String marker) {
        return """
                {"article": {"id": "a", "outlet": "wire", "headline": "H"},
                 "sources": [{"id": "wire", "name": "Wire", "kind": "wire_agency"}],
                 "entities": [{"id": "putin", "name": "Vladimir Putin"}],
                 "claims": [{"id": "c1", "text": "MARK\\u001b[2J\\u001b[31m\\rfactlint: all clear\\u0085",
                             "subject": "putin", "predicate": "attend"}]}
                """.replace("MARK", marker);
    }

    @Test
    void aRuleErrorEchoingAnEscapeInClaimText_isPrintedEscaped(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("echo.drl"), ECHO);
        Path claims = dir.resolve("claims.json");
        Files.writeString(claims, hostileDocument("cli-mark"), StandardCharsets.UTF_8);

        CliRun run = CliRun.of("check", "--rules", dir.toString(), claims.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).doesNotContain(String.valueOf(ESC)).doesNotContain("\r").doesNotContain("\u0085")
                .contains("cannot handle cli-mark\\u001b[2J\\u001b[31m factlint: all clear\\u0085 on a:c1")
                .endsWith(System.lineSeparator());
        assertThat(run.err().lines()).hasSize(1).allSatisfy(l -> assertThat(l).startsWith("factlint: rule error:"));
    }

    @Test
    void theSameErrorIsLoggedEscaped() throws IOException {
        String marker = "log-mark-" + System.nanoTime();
        RulePack pack = RulePack.of("echo", Map.of("echo.drl", ECHO));

        Report report = Factlint.checker(pack).check(Factlint.parse(hostileDocument(marker)));

        assertThat(report.problems()).isNotEmpty();
        String log = Files.readString(Path.of("target/test.log"), StandardCharsets.UTF_8);
        assertThat(log).contains(marker + "\\u001b[2J\\u001b[31m factlint: all clear\\u0085")
                .doesNotContain(marker + ESC);
    }

    @Test
    void theTerminalWriterKeepsLineBreaksAndPairedSurrogates_andEscapesLoneOnes() throws IOException {
        java.io.StringWriter out = new java.io.StringWriter();
        try (TerminalWriter w = new TerminalWriter(out)) {
            w.write("a\u001bb\tc\n");
            w.write("\ud83d"); // the high half of an emoji in one write,
            w.write("\ude00 ok\n"); // its low half in the next
            w.write("lone \udc00 and \ud800");
        }
        assertThat(out.toString()).isEqualTo("a\\u001bb\\tc\n\ud83d\ude00 ok\nlone \\udc00 and \\ud800");
    }
}
