package org.factlint.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.factlint.Checker;
import org.factlint.CheckerOptions;
import org.factlint.Factlint;
import org.factlint.bench.ArchiveGenerator;
import org.factlint.model.Document;

/**
 * Where one add's CPU time goes: the bulk-loaded archive store of a size (cached, see {@link StoreCache}), then
 * WARM + ADDS held-back 50-claim articles one at a time. For each measured add it prints the wall time, the adding
 * thread's CPU time and the claims re-checked; at the end the median of each phase's CPU time ({@link Phases}), the
 * medians and p99s, and the live heap. {@code -Dprobe.jfr=FILE} records the measured adds with JFR's profile settings.
 * {@code java -cp target/benchmarks.jar org.factlint.store.AddProbe CLAIMS WARM ADDS sqlite|postgres}
 */
public final class AddProbe {
    /** Articles held back from the bulk load: as many as StoreBench holds back, so both share the cached stores. */
    static final int HELD_BACK = 260;

    public static void main(String[] args) throws Exception {
        int claims = Integer.parseInt(args[0]);
        int warm = Integer.parseInt(args[1]);
        int adds = Integer.parseInt(args[2]);
        String kind = args[3];
        if (warm + adds > HELD_BACK) {
            throw new IllegalArgumentException("at most " + HELD_BACK + " adds");
        }
        List<Document> all = new ArchiveGenerator(42).archive(claims + 50 * HELD_BACK);
        List<Document> archive = new ArrayList<>(all.subList(0, all.size() - HELD_BACK));
        List<Document> held = new ArrayList<>(StoreCache.tail(all, HELD_BACK));
        all = null;
        Checker checker = Factlint.checker(Factlint.checker().pack(),
                CheckerOptions.defaults().withTimeLimit(Duration.ofMinutes(60)).withMaxFirings(Integer.MAX_VALUE));
        Path dir = Files.createTempDirectory("factlint-add-probe");
        EmbeddedPostgres pg = null;
        ClaimStore store;
        java.util.function.Consumer<ClaimStore> bulk = s -> {
            long t0 = System.nanoTime();
            s.addAll(archive);
            System.out.printf("bulk load of %d claims into an empty %s store: %.1f s%n", claims, kind,
                    (System.nanoTime() - t0) / 1e9);
        };
        if (kind.equals("postgres")) {
            pg = StoreCache.postgres(claims, dir, url -> {
                try (ClaimStore s = Stores.jdbc(url, "postgres", null, checker)) {
                    bulk.accept(s);
                }
            });
            store = Stores.jdbc(pg.getJdbcUrl("postgres", "postgres"), "postgres", null, checker);
        } else {
            store = Stores.sqlite(StoreCache.sqlite(claims, dir, bulk, checker), checker);
        }
        archive.clear();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        jdk.jfr.Recording jfr = null;
        try {
            for (int i = 0; i < warm; i++) {
                store.add(held.get(i));
            }
            String jfrFile = System.getProperty("probe.jfr");
            if (jfrFile != null) {
                jfr = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
                jfr.setDestination(Path.of(jfrFile));
                jfr.start();
            }
            long[] wall = new long[adds];
            long[] cpu = new long[adds];
            int[] checked = new int[adds];
            Map<String, long[]> phases = new LinkedHashMap<>();
            Map<String, int[]> brought = new java.util.TreeMap<>(); // stored claims read per add, by what brought them
            for (int i = 0; i < adds; i++) {
                long c = threads.getCurrentThreadCpuTime();
                long t = System.nanoTime();
                store.add(held.get(warm + i));
                wall[i] = System.nanoTime() - t;
                cpu[i] = threads.getCurrentThreadCpuTime() - c;
                JdbcClaimStore s = (JdbcClaimStore) store;
                checked[i] = s.lastChecked();
                int at = i;
                s.lastPhases().byPhase().forEach((p, ns) -> phases.computeIfAbsent(p, x -> new long[adds])[at] = ns);
                s.lastPhases().claimsBy().forEach((by, n) -> brought.computeIfAbsent(by, x -> new int[adds])[at] = n);
                System.out.printf("add %d: wall %.1f ms, cpu %.1f ms, %d claims checked; %s; stored claims read by %s%n",
                        i, wall[i] / 1e6, cpu[i] / 1e6, checked[i], s.lastPhases(), s.lastPhases().claimsBy());
            }
            if (jfr != null) {
                jfr.stop();
                jfr.close();
            }
            StringBuilder by = new StringBuilder();
            brought.forEach((what, n) -> {
                int[] sorted = sortedInts(n);
                by.append(String.format(java.util.Locale.ROOT, "%s median %d max %d, ", what, sorted[adds / 2],
                        sorted[adds - 1]));
            });
            System.out.printf("stored claims read per add, by what brought them (the first key that reached each): %s%n",
                    by);
            System.gc();
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            StringBuilder med = new StringBuilder();
            phases.forEach((p, ns) -> {
                long[] sorted = ns.clone();
                Arrays.sort(sorted);
                med.append(String.format(java.util.Locale.ROOT, "%s %.1f, ", p, sorted[adds / 2] / 1e6));
            });
            System.out.printf("%s %d claims, %d adds after %d warm-up: wall median %.1f ms p99 %.1f ms; cpu median %.1f"
                            + " ms p99 %.1f ms; claims checked median %d; phase CPU medians (ms): %slive heap %d MB;"
                            + " load %.1f%n", kind, claims, adds, warm, median(wall), p99(wall), median(cpu), p99(cpu),
                    checked.length == 0 ? 0 : sortedInts(checked)[adds / 2], med, heap >> 20,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        } finally {
            store.close();
            if (pg != null) {
                pg.close();
            }
            StoreCache.delete(dir);
        }
    }

    private static int[] sortedInts(int[] v) {
        int[] s = v.clone();
        Arrays.sort(s);
        return s;
    }

    private static double median(long[] v) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2] / 1e6;
    }

    private static double p99(long[] v) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(s.length * 0.99) - 1)] / 1e6;
    }
}
