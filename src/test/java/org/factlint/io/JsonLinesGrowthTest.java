package org.factlint.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A JSON Lines file of refused lines is read in time linear in its size: 20,000 and 40,000 lines, the reading thread's
 * CPU time may grow at most 2.5-fold (a ratio, not a wall-clock limit). Measured in a JVM of its own
 * ({@link JsonLinesGrowth}, serial collector, 1 GB heap): inside the test JVM any reading that keeps O(n) objects grows
 * 4-8-fold per doubling in young collections. Before the fix, 80,000 such lines took 99 s (the batch was copied per
 * line).
 */
class JsonLinesGrowthTest {
    @Test
    void refusedJsonLines_areReadInLinearTime() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-XX:+UseSerialGC", "-Dorg.slf4j.simpleLogger.logFile=System.err",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=off", "-cp", System.getProperty("java.class.path"),
                JsonLinesGrowth.class.getName(), "20000"))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as("the probe's exit (it checks every line was refused)").isZero();

        String[] times = out.split(" ");
        long small = Long.parseLong(times[0]);
        long large = Long.parseLong(times[1]);
        assertThat((double) large / small).as("CPU time at 40,000 / at 20,000 lines (%,d ms / %,d ms)",
                large / 1_000_000, small / 1_000_000).isLessThan(2.5);
    }
}
