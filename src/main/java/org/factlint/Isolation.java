package org.factlint;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits of an {@linkplain IsolatedChecker isolated checker}: the child JVM that compiles and runs a pack one does not
 * trust at all gets at most {@code memoryMegabytes} of heap and is killed when a check runs past its wall-clock
 * limit, or when it has not compiled the pack within {@code startLimit}.
 *
 * <pre>{@code
 * Isolation limits = Isolation.defaults().withMemoryMegabytes(256).withTimeLimit(Duration.ofSeconds(20));
 * }</pre>
 *
 * @param memoryMegabytes the child's maximum heap ({@code -Xmx}); running out of it ends the child, not the caller
 * @param timeLimit       wall-clock time one check may take in the child, before its claims are counted; then the
 *                        child is killed
 * @param timePerClaim    time added to {@code timeLimit} for each claim checked
 * @param startLimit      time the child may take to start and compile the pack
 * @param options         the firing and time limits the child's checker applies itself, within the kill
 */
public record Isolation(int memoryMegabytes, Duration timeLimit, Duration timePerClaim, Duration startLimit,
                        CheckerOptions options) {
    /** Default heap of the child: 512 MB. */
    public static final int DEFAULT_MEMORY_MEGABYTES = 512;
    /** Default wall-clock limit per check, before claims are counted: 90 s (the child's own limit abandons at 60 s). */
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(90);
    /** Default wall-clock time per claim on top of {@link #DEFAULT_TIME_LIMIT}: 2 ms. */
    public static final Duration DEFAULT_TIME_PER_CLAIM = Duration.ofMillis(2);
    /** Default time to start the child and compile the pack: 2 minutes. */
    public static final Duration DEFAULT_START_LIMIT = Duration.ofMinutes(2);

    public Isolation {
        if (memoryMegabytes < 32) {
            throw new IllegalArgumentException("memoryMegabytes must be at least 32 (a JVM with Drools needs it), was "
                    + memoryMegabytes);
        }
        if (timeLimit == null || timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("timeLimit must be positive, was " + timeLimit);
        }
        if (timePerClaim == null || timePerClaim.isNegative()) {
            throw new IllegalArgumentException("timePerClaim must not be negative, was " + timePerClaim);
        }
        if (startLimit == null || startLimit.isNegative() || startLimit.isZero()) {
            throw new IllegalArgumentException("startLimit must be positive, was " + startLimit);
        }
        Objects.requireNonNull(options, "options");
    }

    /** 512 MB; 90 s + 2 ms per claim per check; 2 min to start; the default {@link CheckerOptions} in the child. */
    public static Isolation defaults() {
        return new Isolation(DEFAULT_MEMORY_MEGABYTES, DEFAULT_TIME_LIMIT, DEFAULT_TIME_PER_CLAIM, DEFAULT_START_LIMIT,
                CheckerOptions.defaults());
    }

    public Isolation withMemoryMegabytes(int memoryMegabytes) {
        return new Isolation(memoryMegabytes, timeLimit, timePerClaim, startLimit, options);
    }

    /** At most {@code timeLimit} of wall-clock time per check, however many claims it has. */
    public Isolation withTimeLimit(Duration timeLimit) {
        return new Isolation(memoryMegabytes, timeLimit, Duration.ZERO, startLimit, options);
    }

    public Isolation withStartLimit(Duration startLimit) {
        return new Isolation(memoryMegabytes, timeLimit, timePerClaim, startLimit, options);
    }

    public Isolation withOptions(CheckerOptions options) {
        return new Isolation(memoryMegabytes, timeLimit, timePerClaim, startLimit, options);
    }

    /** The wall-clock limit of a check of {@code claims} claims. */
    public Duration timeLimit(long claims) {
        return timeLimit.plus(timePerClaim.multipliedBy(claims));
    }
}
