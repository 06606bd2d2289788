package org.factlint.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.factlint.ChildJvm;
import org.factlint.Checker;
import org.factlint.bench.ArchiveGenerator;
import org.factlint.model.Document;

/**
 * Run in a JVM of its own by {@link StoreLoadGrowthTest}: bulk-loads a generated archive of {@code n} and of
 * {@code 4n} claims into empty SQLite stores ({@code java ... StoreLoadGrowth n}), the best of two interleaved runs
 * after one warm-up round, and prints the process's CPU time of each load (the store's writes run in this thread,
 * its check in the checker's threads).
 */
public final class StoreLoadGrowth {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    private static final Checker CHECKER = StoreInvariantTest.CHECKER;

    private StoreLoadGrowth() {
    }

    /** Runs this probe in a JVM of its own and returns the CPU nanoseconds of the small and the large load. */
    static long[] cpuTimesInOwnJvm(String n) throws Exception {
        return ChildJvm.twoNumbers(ChildJvm.run(StoreLoadGrowth.class, List.of("-Xms2g", "-Xmx2g"), n));
    }

    private static long once(List<Document> docs, Path dir) throws Exception {
        Path file = Files.createTempFile(dir, "load", ".store");
        Files.delete(file);
        try (ClaimStore store = Stores.sqlite(file, CHECKER, Clock.fixed(StoreInvariantTest.NOW, ZoneOffset.UTC))) {
            System.gc();
            long start = OS.getProcessCpuTime();
            store.addAll(docs);
            long took = OS.getProcessCpuTime() - start;
            if (store.documents() != docs.size()) {
                throw new AssertionError("the load stored " + store.documents() + " of " + docs.size()
                        + " documents");
            }
            return took;
        } finally {
            for (String suffix : List.of("", "-wal", "-shm")) {
                Files.deleteIfExists(Path.of(file + suffix));
            }
        }
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        List<Document> small = new ArchiveGenerator(42).archive(n);
        List<Document> large = new ArchiveGenerator(42).archive(4 * n);
        Path dir = Files.createTempDirectory("factlint-load-growth");
        try {
            // one warm-up round: the JIT compiles the store's and the rules' paths
            long[] best = org.factlint.GrowthRuns.best(1, 2, () -> once(small, dir), () -> once(large, dir));
            System.out.println(best[0] + " " + best[1]);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(dir);
        }
    }
}
