package org.factlint.io;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import org.factlint.Batch;

/**
 * Run in a JVM of its own by {@code JsonLinesGrowthTest}: reads {@code n} and {@code 2n} refused JSON lines, the best
 * of five interleaved runs after a warm-up, and prints the reading thread's CPU time for each. On its own because the
 * test JVM's small, busy heap makes any O(n) reading grow 4-8-fold per doubling in young collections.
 */
public final class JsonLinesGrowth {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private JsonLinesGrowth() {
    }

    static byte[] badLines(int n) {
        return "{\"article\": 1}\n".repeat(n).getBytes(StandardCharsets.UTF_8);
    }

    private static long once(byte[] bytes, int expected) {
        System.gc();
        long start = CPU.getCurrentThreadCpuTime();
        Batch batch = DocumentReader.readLines("bad.jsonl", bytes);
        long took = CPU.getCurrentThreadCpuTime() - start;
        if (batch.rejected() != expected || batch.errors().size() != expected) {
            throw new AssertionError("expected " + expected + " refused lines, got " + batch.rejected());
        }
        return took;
    }

    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        byte[] small = badLines(n);
        byte[] large = badLines(2 * n);
        for (int warm = 0; warm < 2; warm++) {
            once(small, n);
            once(large, 2 * n);
        }
        long bestSmall = Long.MAX_VALUE;
        long bestLarge = Long.MAX_VALUE;
        for (int run = 0; run < 5; run++) {
            bestSmall = Math.min(bestSmall, once(small, n));
            bestLarge = Math.min(bestLarge, once(large, 2 * n));
        }
        System.out.println(bestSmall + " " + bestLarge);
    }
}
