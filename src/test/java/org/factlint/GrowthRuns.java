package org.factlint;

/**
 * What the growth tests compare as a ratio: the least cost of a small and of a large input, measured alternately
 * (so that a change of the machine's load falls on both) after warm-up rounds that let the JIT compile both paths.
 */
public final class GrowthRuns {
    /** One measured run: its cost (CPU nanoseconds). */
    @FunctionalInterface
    public interface Run {
        long cost() throws Exception;
    }

    private GrowthRuns() {
    }

    /** {@code {least cost of small, least cost of large}} over {@code runs} alternated runs after {@code warmups}. */
    public static long[] best(int warmups, int runs, Run small, Run large) throws Exception {
        for (int i = 0; i < warmups; i++) {
            small.cost();
            large.cost();
        }
        long bestSmall = Long.MAX_VALUE;
        long bestLarge = Long.MAX_VALUE;
        for (int i = 0; i < runs; i++) {
            bestSmall = Math.min(bestSmall, small.cost());
            bestLarge = Math.min(bestLarge, large.cost());
        }
        return new long[] {bestSmall, bestLarge};
    }
}
