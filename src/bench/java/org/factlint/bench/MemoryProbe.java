package org.factlint.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;
import org.factlint.BenchAccess;
import org.factlint.RulePack;
import org.factlint.model.Document;
import org.factlint.rules.HandWritten;

/**
 * Live heap per claim while a check's working state is alive: heap used after full GCs with the checked state held,
 * minus heap used after full GCs with only the input documents held. One implementation per JVM:
 * {@code java -Xmx16g -cp target/benchmarks.jar org.factlint.bench.MemoryProbe 1000000 engine|naive|hand-written}.
 * The engine keeps its parallel sessions (as {@code Checker} splits a large check) open; the naive engine its one
 * session; the hand-written checks their indexes and flags.
 */
public final class MemoryProbe {
    public static void main(String[] args) {
        int claims = Integer.parseInt(args[0]);
        String impl = args[1];
        List<Document> docs = new ArchiveGenerator(42).archive(claims);
        RulePack pack = impl.equals("naive") ? BenchAccess.naivePack() : RulePack.bundled();
        HandWritten hand = new HandWritten(pack);
        long before = live();
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
            case "hand-written" -> {
                HandWritten.Kept kept = hand.checkKeeping(BenchAccess.facts(docs));
                held = kept;
                flags = kept.flags().size();
            }
            default -> throw new IllegalArgumentException("implementation '" + impl
                    + "' is not one of: engine, naive, hand-written");
        }
        long after = live();
        System.out.printf("%s %d claims: %d flags, live heap %.1f MB, %.0f bytes per claim%n", impl, claims, flags,
                (after - before) / 1e6, (after - before) / (double) claims);
        if (Integer.getInteger("histo", 0) > 0) {
            histogram(Integer.getInteger("histo")); // what the held state is made of: -Dhisto=25
        }
        if (held instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        System.out.println(docs.size() > 0 ? "" : "no documents");
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
        for (int i = 0; i < 4; i++) {
            System.gc();
            used = Math.min(used, mx.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
