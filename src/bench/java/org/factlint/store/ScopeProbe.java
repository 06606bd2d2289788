package org.factlint.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.factlint.Checker;
import org.factlint.CheckerOptions;
import org.factlint.Factlint;
import org.factlint.bench.ArchiveGenerator;
import org.factlint.model.Document;

/**
 * A probe of adds by scopes outside JMH: a batch check of a generated archive, its bulk load into an empty store, then
 * ADDS held-back 50-claim articles one at a time, each with its time and the claims it re-checked; median, p99, live
 * heap. The check's limits are raised so that a loaded machine does not stop the bulk load's check.
 * {@code java -cp target/benchmarks.jar org.factlint.store.ScopeProbe CLAIMS ADDS sqlite|postgres}
 */
public final class ScopeProbe {
    public static void main(String[] args) throws Exception {
        int claims = Integer.parseInt(args[0]);
        int adds = Integer.parseInt(args[1]);
        String kind = args[2];
        List<Document> all = new ArchiveGenerator(42).archive(claims + 50 * adds);
        List<Document> archive = all.subList(0, all.size() - adds);
        List<Document> fresh = all.subList(all.size() - adds, all.size());
        Checker checker = Factlint.checker(Factlint.checker().pack(),
                CheckerOptions.defaults().withTimeLimit(Duration.ofMinutes(30)).withMaxFirings(Integer.MAX_VALUE));
        long b0 = System.nanoTime();
        int flags = checker.check(archive).flags().size();
        double batch = (System.nanoTime() - b0) / 1e9;
        Path dir = Files.createTempDirectory("factlint-scope-probe");
        EmbeddedPostgres pg = null;
        ClaimStore store;
        if (kind.equals("postgres")) {
            pg = EmbeddedPostgres.builder().setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on").start();
            store = Stores.jdbc(pg.getJdbcUrl("postgres", "postgres"), "postgres", null, checker);
        } else {
            store = Stores.sqlite(dir.resolve("probe.store"), checker);
        }
        try {
            long t0 = System.nanoTime();
            store.addAll(archive);
            double bulk = (System.nanoTime() - t0) / 1e9;
            System.out.printf("%s %d claims: batch check %.1f s (%d flags), bulk load %.1f s (%.2fx)%n", kind, claims,
                    batch, flags, bulk, bulk / batch);
            long[] us = new long[adds];
            int[] checked = new int[adds];
            for (int i = 0; i < adds; i++) {
                long t = System.nanoTime();
                store.add(fresh.get(i));
                us[i] = (System.nanoTime() - t) / 1_000;
                checked[i] = ((JdbcClaimStore) store).lastChecked();
                System.out.printf("add %d: %.1f ms, %d claims checked%n", i, us[i] / 1e3, checked[i]);
            }
            System.gc();
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            Arrays.sort(us);
            Arrays.sort(checked);
            System.out.printf("%s %d: add median %.1f ms, p99 %.1f ms (max of %d), claims checked median %d (%d-%d), live heap %d MB, load %s%n",
                    kind, claims, us[adds / 2] / 1e3, us[Math.min(adds - 1, (int) Math.ceil(adds * 0.99) - 1)] / 1e3, adds,
                    checked[adds / 2], checked[0], checked[adds - 1], heap >> 20,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        } finally {
            store.close();
            if (pg != null) {
                pg.close();
            }
        }
    }
}
