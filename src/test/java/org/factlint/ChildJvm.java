package org.factlint;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * Runs a probe's {@code main} in a JVM of its own, for the growth tests: a measurement in the test JVM shares its
 * heap, its collector and its compiler queue with every test before it (a 4x text took 9x the time there and 3.9x in
 * a JVM of its own), so each size is timed where nothing else has run. Logging is off and stderr discarded.
 */
public final class ChildJvm {
    private ChildJvm() {
    }

    /**
     * Runs {@code mainClass} with {@code jvmOptions} and {@code args} on this test's class path and returns its
     * standard output, stripped; fails when it exits non-zero or takes over five minutes.
     */
    public static String run(Class<?> mainClass, List<String> jvmOptions, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-Dorg.slf4j.simpleLogger.logFile=System.err",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=off", "-cp", System.getProperty("java.class.path"),
                mainClass.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError(mainClass.getSimpleName() + " did not finish within 5 minutes");
        }
        if (p.exitValue() != 0) {
            throw new AssertionError(mainClass.getSimpleName() + " exited with " + p.exitValue()
                    + " (it checks that every measured run did its work): " + out);
        }
        return out;
    }

    /** The two numbers a growth probe prints, "small large". */
    public static long[] twoNumbers(String out) {
        String[] parts = out.split("\\s+");
        if (parts.length != 2) {
            throw new AssertionError("a probe prints two numbers, not: " + out);
        }
        return new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1])};
    }

    /**
     * Runs a two-size probe (each run in a JVM of its own) until one run grows less than {@code limit}, at most
     * {@code tries} times, and returns every run's pair of times. A JVM's steady state differs from run to run (the
     * same 8,000 and 16,000 claims measured 1.9x to 3.0x across six JVMs on a quiet machine), so one slow run is
     * tried again; a quadratic cost grows about 4x in every JVM and fails every try.
     */
    public static Growth leastGrowth(int tries, double limit, Callable<long[]> probe) throws Exception {
        List<long[]> runs = new ArrayList<>();
        for (int i = 0; i < tries; i++) {
            long[] run = probe.call();
            runs.add(run);
            if ((double) run[1] / run[0] < limit) {
                break;
            }
        }
        return new Growth(runs);
    }

    /** The runs of {@link #leastGrowth}: CPU nanoseconds of the small and the large input in each. */
    public record Growth(List<long[]> runs) {
        /** The least ratio of large to small over the runs. */
        public double least() {
            return runs.stream().mapToDouble(r -> (double) r[1] / r[0]).min().orElseThrow();
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder();
            for (long[] r : runs) {
                b.append(b.length() == 0 ? "" : ", ").append(String.format("%,d ms -> %,d ms (%.2fx)",
                        r[0] / 1_000_000, r[1] / 1_000_000, (double) r[1] / r[0]));
            }
            return b.toString();
        }
    }
}
