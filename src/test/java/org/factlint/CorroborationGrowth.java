package org.factlint;

import java.util.List;
import org.factlint.model.Document;

/**
 * Run in a JVM of its own by {@link CorroborationGrowthTest} and {@link ContradictionGrowthTest}: checks {@code n}
 * and {@code 2n} claims about one event from one origin with the bundled pack ({@code java ... CorroborationGrowth n
 * [corroboration|contradictions]}: whose documents), the best of three interleaved runs after a warm-up, and prints
 * the process's CPU time for each (the check runs on a worker thread; the serial collector runs on it too).
 */
public final class CorroborationGrowth {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    private CorroborationGrowth() {
    }

    /**
     * Runs this probe in a JVM of its own on a fixed heap (a growing one made the larger check pay for resizing and
     * full collections, 3x) and returns the CPU nanoseconds of the small and the large check.
     */
    static long[] cpuTimesInOwnJvm(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms3g", "-Xmx3g", "-Xmn1g", "-XX:+UseSerialGC", "-Dorg.slf4j.simpleLogger.logFile=System.err",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=off", "-cp", System.getProperty("java.class.path"),
                CorroborationGrowth.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        if (!p.waitFor(5, java.util.concurrent.TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("the probe did not finish within 5 minutes");
        }
        if (p.exitValue() != 0) {
            throw new AssertionError("the probe's exit (it checks every check ran to the end): " + p.exitValue());
        }
        String[] times = out.split(" ");
        return new long[] {Long.parseLong(times[0]), Long.parseLong(times[1])};
    }

    private static long once(Checker checker, List<Document> docs) {
        System.gc();
        long start = OS.getProcessCpuTime();
        Report report = checker.check(docs);
        long took = OS.getProcessCpuTime() - start;
        if (!report.problems().isEmpty() || report.claims() != docs.size()) {
            throw new AssertionError("the check did not run to the end: " + report.problems());
        }
        return took;
    }

    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        Checker checker = Factlint.checker();
        boolean contradictions = args.length > 1 && args[1].equals("contradictions");
        List<Document> small = contradictions ? ContradictionGrowthTest.sameEventSameOrigin(n)
                : CorroborationGrowthTest.sameEventSameOrigin(n);
        List<Document> large = contradictions ? ContradictionGrowthTest.sameEventSameOrigin(2 * n)
                : CorroborationGrowthTest.sameEventSameOrigin(2 * n);
        once(checker, small); // warm-up: the JIT compiles the rules' paths
        once(checker, large);
        long bestSmall = Long.MAX_VALUE;
        long bestLarge = Long.MAX_VALUE;
        for (int run = 0; run < 3; run++) {
            bestSmall = Math.min(bestSmall, once(checker, small));
            bestLarge = Math.min(bestLarge, once(checker, large));
        }
        System.out.println(bestSmall + " " + bestLarge);
    }
}
