package org.factlint.text;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Run in a JVM of its own by {@link GrowthTest}: reads a generated text of {@code k} KB and one of {@code 4k} KB, the
 * best of five interleaved runs after three warm-up rounds, and prints the reading thread's CPU nanoseconds for each
 * ({@code java ... TextGrowth k}).
 */
public final class TextGrowth {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private TextGrowth() {
    }

    static long cpu(String text) {
        long start = THREADS.getCurrentThreadCpuTime();
        int claims = ArticleText.parse(text).claims().size();
        long used = THREADS.getCurrentThreadCpuTime() - start;
        if (claims == 0) {
            throw new AssertionError("no claim read from a generated text of " + text.length() + " chars");
        }
        return used;
    }

    public static void main(String[] args) throws Exception {
        int k = Integer.parseInt(args[0]);
        String small = NewsText.article(k * 1024);
        String large = NewsText.article(4 * k * 1024);
        // three warm-up rounds: models loaded, every path compiled (one round left 1.4x)
        long[] best = org.factlint.GrowthRuns.best(3, 5, () -> cpu(small), () -> cpu(large));
        System.out.println(best[0] + " " + best[1]);
    }
}
