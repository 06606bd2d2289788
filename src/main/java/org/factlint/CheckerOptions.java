package org.factlint;

import java.time.Duration;

/**
 * Limits that keep one check from running away: a rule that loops ({@code modify} without {@code no-loop}, two rules
 * activating each other) or a slow one is stopped and named in {@link Report#problems()}, and the checker goes on
 * serving. Each limit is a fixed part plus a part per claim, so the defaults stop a loop in a single article within
 * seconds and still leave an archive of a million claims the time it needs: the bundled pack fires a few rules per
 * claim and takes well under a millisecond per claim.
 *
 * <pre>{@code
 * Checker checker = Factlint.checker(pack, CheckerOptions.defaults().withTimeLimit(Duration.ofSeconds(5)));
 * }</pre>
 *
 * @param maxFirings      rule firings one check (or one {@link DeskSession#add} call) may make before its claims are
 *                        counted; one more stops it
 * @param timeLimit       time one check (or one desk call) may fire rules before its claims are counted; then it is
 *                        halted between firings, and a consequence blocked in a wait or sleep is interrupted
 * @param firingsPerClaim firings added to {@code maxFirings} for each claim checked
 * @param timePerClaim    time added to {@code timeLimit} for each claim checked
 */
public record CheckerOptions(int maxFirings, Duration timeLimit, int firingsPerClaim, Duration timePerClaim) {
    /** Default firing limit per check, before claims are counted: 1,000,000. */
    public static final int DEFAULT_MAX_FIRINGS = 1_000_000;
    /** Default time limit per check, before claims are counted: 30 seconds. */
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(30);
    /** Default firings allowed per claim on top of {@link #DEFAULT_MAX_FIRINGS}: 1,000. */
    public static final int DEFAULT_FIRINGS_PER_CLAIM = 1_000;
    /** Default time allowed per claim on top of {@link #DEFAULT_TIME_LIMIT}: 1 ms (1,000 s more for 1M claims). */
    public static final Duration DEFAULT_TIME_PER_CLAIM = Duration.ofMillis(1);

    public CheckerOptions {
        if (maxFirings < 1) {
            throw new IllegalArgumentException("maxFirings must be at least 1, was " + maxFirings);
        }
        if (timeLimit == null || timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("timeLimit must be positive, was " + timeLimit);
        }
        if (firingsPerClaim < 0) {
            throw new IllegalArgumentException("firingsPerClaim must not be negative, was " + firingsPerClaim);
        }
        if (timePerClaim == null || timePerClaim.isNegative()) {
            throw new IllegalArgumentException("timePerClaim must not be negative, was " + timePerClaim);
        }
    }

    /** Fixed limits, the same for a check of any size. */
    public CheckerOptions(int maxFirings, Duration timeLimit) {
        this(maxFirings, timeLimit, 0, Duration.ZERO);
    }

    /** 1,000,000 firings + 1,000 per claim; 30 s + 1 ms per claim. */
    public static CheckerOptions defaults() {
        return new CheckerOptions(DEFAULT_MAX_FIRINGS, DEFAULT_TIME_LIMIT, DEFAULT_FIRINGS_PER_CLAIM,
                DEFAULT_TIME_PER_CLAIM);
    }

    /** At most {@code maxFirings} firings per check, however many claims it has. */
    public CheckerOptions withMaxFirings(int maxFirings) {
        return new CheckerOptions(maxFirings, timeLimit, 0, timePerClaim);
    }

    /** At most {@code timeLimit} of firing per check, however many claims it has. */
    public CheckerOptions withTimeLimit(Duration timeLimit) {
        return new CheckerOptions(maxFirings, timeLimit, firingsPerClaim, Duration.ZERO);
    }

    public CheckerOptions withFiringsPerClaim(int firingsPerClaim) {
        return new CheckerOptions(maxFirings, timeLimit, firingsPerClaim, timePerClaim);
    }

    public CheckerOptions withTimePerClaim(Duration timePerClaim) {
        return new CheckerOptions(maxFirings, timeLimit, firingsPerClaim, timePerClaim);
    }

    /** The firing limit of a check of {@code claims} claims. */
    public int firingLimit(long claims) {
        return (int) Math.min(Integer.MAX_VALUE - 1L, maxFirings + claims * (long) firingsPerClaim);
    }

    /** The time limit of a check of {@code claims} claims. */
    public Duration timeLimit(long claims) {
        return timeLimit.plus(timePerClaim.multipliedBy(claims));
    }
}
