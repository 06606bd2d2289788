package org.factlint.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.factlint.Checker;
import org.factlint.CheckerOptions;
import org.factlint.Factlint;
import org.factlint.Report;
import org.factlint.bench.ArchiveGenerator;
import org.factlint.model.Document;

/**
 * The bulk load of a generated archive into an empty store beside one batch check of the same documents, at each size
 * given: the process's CPU time and the wall time of both, the load's CPU by phase ({@link Phases}), and the ratio.
 * A small load and check run first to warm the JIT. Nothing is cached: every size is loaded afresh.
 * {@code java -cp target/benchmarks.jar org.factlint.store.LoadProbe 10000,100000 sqlite|postgres}
 */
public final class LoadProbe {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** The clock of both (the time rules: the same instant for the batch check and the store). */
    private static final java.time.Instant NOW = java.time.Instant.parse("2026-06-01T09:00:00Z");
    private static final java.time.Clock CLOCK = java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC);

    public static void main(String[] args) throws Exception {
        String kind = args.length > 1 ? args[1] : "sqlite";
        Checker checker = Factlint.checker(Factlint.checker().pack(),
                CheckerOptions.defaults().withTimeLimit(Duration.ofMinutes(60)).withMaxFirings(Integer.MAX_VALUE));
        Path dir = Files.createTempDirectory("factlint-load-probe");
        try {
            once(checker, new ArchiveGenerator(7).archive(2_000), dir, kind, false); // warm-up
            for (String size : args[0].split(",")) {
                int claims = Integer.parseInt(size.trim());
                once(checker, new ArchiveGenerator(42).archive(claims), dir, kind, true);
            }
        } finally {
            StoreCache.delete(dir);
        }
    }

    private static void once(Checker checker, List<Document> docs, Path dir, String kind, boolean print)
            throws Exception {
        int claims = docs.stream().mapToInt(d -> d.claims().size()).sum();
        System.gc();
        long c0 = OS.getProcessCpuTime();
        long w0 = System.nanoTime();
        Report batch = checker.at(NOW).check(docs);
        long checkCpu = OS.getProcessCpuTime() - c0;
        long checkWall = System.nanoTime() - w0;
        System.gc();
        EmbeddedPostgres pg = null;
        Path file = dir.resolve("load-" + claims + ".store");
        Files.deleteIfExists(file);
        try {
            ClaimStore store;
            if (kind.equals("postgres")) {
                Path data = dir.resolve("pg-" + claims);
                StoreCache.delete(data);
                Files.createDirectories(data);
                pg = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(true)
                        .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on").start();
                store = Stores.jdbc(pg.getJdbcUrl("postgres", "postgres"), "postgres", null, checker, CLOCK);
            } else {
                store = Stores.sqlite(file, checker, CLOCK);
            }
            try (store) {
                c0 = OS.getProcessCpuTime();
                w0 = System.nanoTime();
                store.addAll(docs);
                long loadCpu = OS.getProcessCpuTime() - c0;
                long loadWall = System.nanoTime() - w0;
                int open = store.flags(FlagQuery.open()).size();
                if (open != batch.flags().size()) {
                    throw new AssertionError("the loaded store holds " + open + " open flags, the batch check "
                            + batch.flags().size());
                }
                if (print) {
                    System.out.printf(java.util.Locale.ROOT, "%s %d claims (%d documents): batch check cpu %.1f s"
                                    + " (wall %.1f s); bulk load cpu %.1f s (wall %.1f s): %.2fx the check's CPU; %d"
                                    + " flags; load phases: %s; load average %.1f%n", kind, claims, docs.size(),
                            checkCpu / 1e9, checkWall / 1e9, loadCpu / 1e9, loadWall / 1e9,
                            (double) loadCpu / checkCpu, open, ((JdbcClaimStore) store).lastPhases(),
                            OS.getSystemLoadAverage());
                }
            }
        } finally {
            if (pg != null) {
                pg.close();
            }
            Files.deleteIfExists(file);
        }
    }
}
