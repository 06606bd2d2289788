package org.factlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.factlint.TestFiles;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code validate --watch}: a rule author's edit is validated again in the same JVM, with its located errors. */
class WatchTest {
    @Test
    void validateWatch_reportsAnEditsMistake_thenItsFix_withoutRestarting(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("pack");
        TestFiles.copyTree(Path.of("rules"), dir);
        StringWriter out = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(new StringWriter(), true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                () -> cl.execute("validate", "--watch", "--watch-runs", "2", dir.toString()));

        awaitOutput(out, "watching ");
        assertThat(out.toString()).startsWith(dir + ": 48 rules, 0 warnings");
        Path drl = dir.resolve("unconfirmed.drl");
        String good = Files.readString(drl);
        Files.writeString(drl, """

                rule "Watched"
                when
                    $c : ClaimFact( headline == 3 )
                then
                end
                """, StandardOpenOption.APPEND);
        awaitOutput(out, "-- run again after a change");
        Files.writeString(drl, good);

        assertThat(exit.get(60, TimeUnit.SECONDS)).as(out.toString()).isZero();
        // each run's output is followed by the line that times it
        String[] runs = out.toString().split("-- run again after a change, in \\d+ ms\\R");
        assertThat(runs).hasSize(2);
        String[] first = runs[0].split("watching " + java.util.regex.Pattern.quote(dir.toString()) + " for changes.*\\R");
        assertThat(first[0]).isEqualTo(dir + ": 48 rules, 0 warnings" + System.lineSeparator());
        assertThat(first[1]).contains(drl + ":").contains("rule \"Watched\": headline is a boolean")
                .endsWith(dir + ": 1 error, 0 warnings" + System.lineSeparator());
        assertThat(runs[1]).isEqualTo(dir + ": 48 rules, 0 warnings" + System.lineSeparator());
    }

    private static void awaitOutput(StringWriter out, String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!out.toString().contains(text) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(out.toString()).contains(text);
    }

}
