package org.factlint;

import java.util.List;
import org.factlint.model.Document;

/**
 * Run in a JVM of its own by {@link CorroborationGrowthTest} and {@link ContradictionGrowthTest}: checks {@code n}
 * and {@code 2n} claims about one event from one origin with the bundled pack ({@code java ... CorroborationGrowth n
 * [corroboration|contradictions]}: whose documents), the best of five interleaved runs after three warm-up rounds, and prints
 * the process's CPU time for each (the check runs on a worker thread; the serial collector runs on it too).
 */
public final class CorroborationGrowth {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    private CorroborationGrowth() {
    }

    /**
     * Runs this probe in a JVM of its own on a fixed heap (a growing one made the larger check pay for resizing and
     * full collections, 3x) whose young generation holds all that the larger check allocates (~850 MB at 16,000
     * claims: with a 1 GB one, a young collection of 200-350 ms fell into the larger check and not the smaller, 2.5-3x
     * on a quiet machine), and returns the CPU nanoseconds of the small and the large check.
     */
    static long[] cpuTimesInOwnJvm(String... args) throws Exception {
        return ChildJvm.twoNumbers(ChildJvm.run(CorroborationGrowth.class,
                List.of("-Xms4g", "-Xmx4g", "-Xmn3g", "-XX:+UseSerialGC"), args));
    }

    private static long once(Checker checker, List<Document> docs) {
        System.gc();
        long youngBefore = youngCollections();
        long start = OS.getProcessCpuTime();
        Report report = checker.check(docs);
        long took = OS.getProcessCpuTime() - start;
        if (youngCollections() != youngBefore) {
            // one collection in the larger run and none in the smaller measures the collector, not the rules
            throw new AssertionError("a young collection fell into a measured check of " + docs.size()
                    + " claims: give the probe a larger young generation");
        }
        if (!report.problems().isEmpty() || report.claims() != docs.size()) {
            throw new AssertionError("the check did not run to the end: " + report.problems());
        }
        return took;
    }

    /** Collections of the serial collector's young generation ("Copy"), not the System.gc() full ones. */
    static long youngCollections() {
        return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .filter(gc -> gc.getName().equals("Copy")).mapToLong(
                        java.lang.management.GarbageCollectorMXBean::getCollectionCount).sum();
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        Checker checker = Factlint.checker();
        boolean contradictions = args.length > 1 && args[1].equals("contradictions");
        List<Document> small = contradictions ? ContradictionGrowthTest.sameEventSameOrigin(n)
                : CorroborationGrowthTest.sameEventSameOrigin(n);
        List<Document> large = contradictions ? ContradictionGrowthTest.sameEventSameOrigin(2 * n)
                : CorroborationGrowthTest.sameEventSameOrigin(2 * n);
        // three warm-up rounds: the JIT compiles the rules' paths (one round left 1.9-2.5x)
        long[] best = GrowthRuns.best(3, 5, () -> once(checker, small), () -> once(checker, large));
        System.out.println(best[0] + " " + best[1]);
    }
}
