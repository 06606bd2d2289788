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
 * @param metaspaceMegabytes the child's maximum metaspace ({@code -XX:MaxMetaspaceSize}: the classes a pack makes);
 *                        running out of it ends the child, not the caller
 * @param canary          whether the child, once it has compiled a pack from a directory, runs the pack's own scenarios
 *                        ({@code tests/*.json}) with their expectations before it serves; a pack that fails them is
 *                        refused like one that does not compile
 * @param minimumContainment the least OS containment the child may run in ({@link ContainmentLevel}); where the
 *                        machine offers less, {@link Factlint#isolated} refuses to start with an
 *                        {@link IllegalStateException} saying what is missing. Default {@link ContainmentLevel#READ_ONLY}:
 *                        the full containment where it can be made, else the fallback, never none unless accepted
 */
public record Isolation(int memoryMegabytes, Duration timeLimit, Duration timePerClaim, Duration startLimit,
                        CheckerOptions options, int metaspaceMegabytes, boolean canary,
                        ContainmentLevel minimumContainment) {
    /** Default metaspace of the child: 256 MB (the bundled pack compiled from DRL needs about 90). */
    public static final int DEFAULT_METASPACE_MEGABYTES = 256;

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
        Objects.requireNonNull(minimumContainment, "minimumContainment");
        if (metaspaceMegabytes < 48) {
            throw new IllegalArgumentException("metaspaceMegabytes must be at least 48 (a JVM with Drools needs it), was "
                    + metaspaceMegabytes);
        }
    }

    /** Limits with the default minimum containment ({@link ContainmentLevel#READ_ONLY}). */
    public Isolation(int memoryMegabytes, Duration timeLimit, Duration timePerClaim, Duration startLimit,
                     CheckerOptions options, int metaspaceMegabytes, boolean canary) {
        this(memoryMegabytes, timeLimit, timePerClaim, startLimit, options, metaspaceMegabytes, canary,
                ContainmentLevel.READ_ONLY);
    }

    /**
     * 512 MB of heap, 256 MB of metaspace; 90 s + 2 ms per claim per check; 2 min to start (compile and canary); the
     * default {@link CheckerOptions} in the child; the canary on; at least the read-only containment.
     */
    public static Isolation defaults() {
        return new Isolation(DEFAULT_MEMORY_MEGABYTES, DEFAULT_TIME_LIMIT, DEFAULT_TIME_PER_CLAIM, DEFAULT_START_LIMIT,
                CheckerOptions.defaults(), DEFAULT_METASPACE_MEGABYTES, true, ContainmentLevel.READ_ONLY);
    }

    public Isolation withMetaspaceMegabytes(int metaspaceMegabytes) {
        return new Isolation(memoryMegabytes, timeLimit, timePerClaim, startLimit, options, metaspaceMegabytes, canary, minimumContainment);
    }

    /** Without the canary: the child serves a pack that compiles, whatever its scenarios say. */
    public Isolation withoutCanary() {
        return new Isolation(memoryMegabytes, timeLimit, timePerClaim, startLimit, options, metaspaceMegabytes, false, minimumContainment);
    }

    public Isolation withMemoryMegabytes(int memoryMegabytes) {
        return new Isolation(memoryMegabytes, timeLimit, timePerClaim, startLimit, options, metaspaceMegabytes, canary, minimumContainment);
    }

    /** At most {@code timeLimit} of wall-clock time per check, however many claims it has. */
    public Isolation withTimeLimit(Duration timeLimit) {
        return new Isolation(memoryMegabytes, timeLimit, Duration.ZERO, startLimit, options, metaspaceMegabytes, canary, minimumContainment);
    }

    public Isolation withStartLimit(Duration startLimit) {
        return new Isolation(memoryMegabytes, timeLimit, timePerClaim, startLimit, options, metaspaceMegabytes, canary, minimumContainment);
    }

    public Isolation withOptions(CheckerOptions options) {
        return new Isolation(memoryMegabytes, timeLimit, timePerClaim, startLimit, options, metaspaceMegabytes, canary, minimumContainment);
    }

    /**
     * The least OS containment the child may run in: {@link ContainmentLevel#NONE} accepts running it as an ordinary
     * process where the machine offers no containment, {@link ContainmentLevel#EMPTY_ROOT} refuses the read-only
     * fallback.
     */
    public Isolation withMinimumContainment(ContainmentLevel minimumContainment) {
        return new Isolation(memoryMegabytes, timeLimit, timePerClaim, startLimit, options, metaspaceMegabytes, canary,
                minimumContainment);
    }

    /** The wall-clock limit of a check of {@code claims} claims. */
    public Duration timeLimit(long claims) {
        return timeLimit.plus(timePerClaim.multipliedBy(claims));
    }
}
