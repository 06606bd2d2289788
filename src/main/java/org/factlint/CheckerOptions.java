package org.factlint;

import java.time.Duration;

/**
 * Limits that keep one check from running away: a rule that loops ({@code modify} without {@code no-loop}, two rules
 * activating each other) or a slow one is stopped and named in {@link Report#problems()}, and the checker goes on
 * serving. The defaults leave ample room for real batches: the bundled pack fires a few hundred rules for the seed
 * article and a few per claim in large batches.
 *
 * <pre>{@code
 * Checker checker = Factlint.checker(pack, CheckerOptions.defaults().withTimeLimit(Duration.ofSeconds(5)));
 * }</pre>
 *
 * @param maxFirings most rule firings one check (or one {@link DeskSession#add} call) may make; one more stops it
 * @param timeLimit  longest one check (or one desk call) may fire rules; then it is halted between firings, and a
 *                   consequence blocked in a wait or sleep is interrupted
 */
public record CheckerOptions(int maxFirings, Duration timeLimit) {
    /** Default firing limit per check: 1,000,000. */
    public static final int DEFAULT_MAX_FIRINGS = 1_000_000;
    /** Default time limit per check: 30 seconds. */
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(30);

    public CheckerOptions {
        if (maxFirings < 1) {
            throw new IllegalArgumentException("maxFirings must be at least 1, was " + maxFirings);
        }
        if (timeLimit == null || timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("timeLimit must be positive, was " + timeLimit);
        }
    }

    /** {@link #DEFAULT_MAX_FIRINGS} and {@link #DEFAULT_TIME_LIMIT}. */
    public static CheckerOptions defaults() {
        return new CheckerOptions(DEFAULT_MAX_FIRINGS, DEFAULT_TIME_LIMIT);
    }

    public CheckerOptions withMaxFirings(int maxFirings) {
        return new CheckerOptions(maxFirings, timeLimit);
    }

    public CheckerOptions withTimeLimit(Duration timeLimit) {
        return new CheckerOptions(maxFirings, timeLimit);
    }
}
