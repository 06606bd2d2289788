package org.factlint.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.factlint.BenchAccess;
import org.factlint.Factlint;
import org.factlint.Report;
import org.factlint.RulePack;
import org.factlint.model.Document;
import org.factlint.rules.HandWritten;

/**
 * Live heap per claim of one check, one implementation per JVM:
 * {@code java -Xmx20g -cp target/benchmarks.jar org.factlint.bench.MemoryProbe 1000000 engine|naive|hand-written}.
 *
 * <p>Two figures. <b>Peak</b>: a sampler forces a full GC every few seconds while the check runs and keeps the largest
 * live heap it sees; minus the live heap with only the input documents. This is what a check needs: the engine
 * ({@code Checker}, as a user calls it) holds the rule state of the parts being checked, the naive engine its one
 * session, the hand-written checks their indexes. <b>Held</b>: the same, measured once at the end with the checked
 * state kept alive on purpose (the engine's parts all open at once, as a check in one piece would hold them).
 */
public final class MemoryProbe {
    public static void main(String[] args) throws Exception {
        int claims = Integer.parseInt(args[0]);
        String impl = args[1];
        List<Document> docs = new ArchiveGenerator(42).archive(claims);
        RulePack pack = impl.equals("naive") ? BenchAccess.naivePack() : RulePack.bundled();
        HandWritten hand = new HandWritten(pack);
        long before = live();

        // Peak while checking, sampled.
        AtomicLong peak = new AtomicLong();
        Thread sampler = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(Long.getLong("sample.ms", 3_000));
                    long now = live();
                    peak.accumulateAndGet(now, Math::max);
                    if (Boolean.getBoolean("sample.log")) {
                        System.out.printf("%tT sample: %.0f MB over the documents%n", System.currentTimeMillis(),
                                (now - before) / 1e6);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        Object result = switch (impl) {
            case "engine" -> {
                Report r = Factlint.checker().check(docs);
                if (!r.complete()) {
                    throw new AssertionError("incomplete check: " + r.problems());
                }
                yield r;
            }
            case "naive" -> BenchAccess.oneSession(pack, BenchAccess.facts(docs));
            case "hand-written" -> hand.check(BenchAccess.facts(docs));
            default -> throw new IllegalArgumentException("implementation '" + impl
                    + "' is not one of: engine, naive, hand-written");
        };
        sampler.interrupt();
        sampler.join();
        peak.accumulateAndGet(live(), Math::max);
        System.out.printf("%s %d claims: peak live heap while checking %.1f MB, %.0f bytes per claim%n", impl, claims,
                (peak.get() - before) / 1e6, (peak.get() - before) / (double) claims);
        result = null;

        // Held: the checked state kept alive at the end.
        Object held;
        int flags;
        switch (impl) {
            case "engine" -> {
                BenchAccess.Open open = BenchAccess.open(pack, BenchAccess.parts(BenchAccess.facts(docs)));
                held = open;
                flags = open.flags().size();
            }
            case "naive" -> {
                BenchAccess.Open open = BenchAccess.open(pack, List.of(BenchAccess.facts(docs)));
                held = open;
                flags = open.flags().size();
            }
            default -> {
                HandWritten.Kept kept = hand.checkKeeping(BenchAccess.facts(docs));
                held = kept;
                flags = kept.flags().size();
            }
        }
        long after = live();
        System.out.printf("%s %d claims: %d flags, held live heap %.1f MB, %.0f bytes per claim%n", impl, claims, flags,
                (after - before) / 1e6, (after - before) / (double) claims);
        if (Integer.getInteger("histo", 0) > 0) {
            histogram(Integer.getInteger("histo")); // what the held state is made of: -Dhisto=25
        }
        if (held instanceof AutoCloseable c) {
            c.close();
        }
        System.out.println(docs.isEmpty() ? "no documents" : "");
    }

    /** The top classes of the live heap, from the JVM's own class histogram (as {@code jcmd GC.class_histogram}). */
    private static void histogram(int top) {
        try {
            Object text = ManagementFactory.getPlatformMBeanServer().invoke(
                    new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {null}, new String[] {String[].class.getName()});
            text.toString().lines().limit(top + 3L).forEach(System.out::println);
        } catch (javax.management.JMException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long live() {
        MemoryMXBean mx = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 2; i++) {
            System.gc();
            used = Math.min(used, mx.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
