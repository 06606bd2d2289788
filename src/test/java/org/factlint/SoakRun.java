package org.factlint;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.factlint.model.Document;
import org.factlint.property.Claims;

/**
 * A soak run, not a test: many checks on one checker, printing the live heap after a full GC and the rules sessions
 * still open every 10% of the way. Figures go to docs-notes/reliability.md.
 *
 * <pre>
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -Xmx512m -cp target/test-classes:target/classes:$(cat target/cp.txt) org.factlint.SoakRun 100000 2
 * </pre>
 */
public final class SoakRun {
    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        RulePack pack = RulePack.load(Path.of("rules")); // the bundled pack's source: DRL and tables
        Checker checker = Factlint.checker(pack);
        List<List<Document>> inputs = new ArrayList<>();
        inputs.add(Factlint.read(Path.of("seeds/moscow-times.claims.json"),
                Path.of("seeds/constructed-followup.claims.json"),
                Path.of("seeds/constructed-archive.claims.json")).documents());
        Claims.documentSets().sampleStream().limit(199).forEach(inputs::add);
        List<Report> expected = inputs.stream().map(checker::check).toList();

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        AtomicLong done = new AtomicLong();
        AtomicLong mismatches = new AtomicLong();
        AtomicLong incomplete = new AtomicLong();
        AtomicLong flags = new AtomicLong();
        int step = total / 10;
        System.out.printf(Locale.ROOT, "%d checks on %d threads, %d inputs, max heap %d MB%n", total, threads,
                inputs.size(), Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf(Locale.ROOT, "%9s %12s %14s %10s%n", "checks", "live heap MB", "open sessions", "checks/s");
        report(0, memory, pack, 0);
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int s = 0; s < 10; s++) {
            int from = s * step;
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = from + thread; i < from + step; i += threads) {
                        int k = i % inputs.size();
                        Report r = checker.check(inputs.get(k));
                        flags.addAndGet(r.flags().size());
                        if (!r.complete()) {
                            incomplete.incrementAndGet();
                        }
                        if (!r.equals(expected.get(k))) {
                            mismatches.incrementAndGet();
                        }
                        done.incrementAndGet();
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            report(done.get(), memory, pack, done.get() / seconds);
        }
        pool.shutdown();
        System.out.printf(Locale.ROOT, "done: %d checks, %d flags, %d mismatches with the sequential result,"
                + " %d incomplete, %.1f s%n", done.get(), flags.get(), mismatches.get(), incomplete.get(),
                (System.nanoTime() - start) / 1e9);
    }

    private static void report(long checks, MemoryMXBean memory, RulePack pack, double rate) {
        System.gc();
        System.gc();
        long used = memory.getHeapMemoryUsage().getUsed();
        System.out.printf(Locale.ROOT, "%9d %12.1f %14d %10.0f%n", checks, used / 1048576.0,
                pack.kieBase().getKieSessions().size(), rate);
    }
}
