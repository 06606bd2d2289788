package org.factlint.model;

import org.factlint.internal.Check;

/**
 * A figure with its unit and qualifier, read as an interval [{@link #lo()}, {@link #hi()}] of values compatible with
 * the wording. An exact round number stands for +/- half its rounding step ("10 thousand" is 5,000..15,000), "about"
 * likewise, "more than n" for (n, n + half a step], "at least n" for [n, n + half a step], "fewer than n" for
 * [n - half a step, n), "up to n" for [0, n]. Numbers with no trailing zero are exact.
 */
public record Quantity(double value, String unit, Qualifier qualifier) {
    public Quantity {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("quantity value must be a finite number, was " + value);
        }
        if (value < 0) {
            throw new IllegalArgumentException("quantity value must not be negative, was " + value);
        }
        Check.optionalText(unit, "quantity unit");
        if (qualifier == null) {
            qualifier = Qualifier.EXACT;
        }
    }

    /** The rounding step of the figure: the largest power of ten dividing it (1 for non-integers and zero). */
    public double step() {
        if (value == 0 || value != Math.rint(value) || value > 1e15) {
            return 1;
        }
        long n = (long) value;
        long step = 1;
        while (n % (step * 10) == 0) {
            step *= 10;
        }
        return step;
    }

    /** Smallest value compatible with the wording. */
    public double lo() {
        double half = step() / 2;
        return switch (qualifier) {
            case EXACT -> step() > 1 ? value - half : value;
            case ABOUT, FEWER_THAN -> Math.max(0, value - Math.max(half, 0.5));
            case MORE_THAN -> Math.nextUp(value);
            case AT_LEAST -> value;
            case UP_TO -> 0;
        };
    }

    /** Largest value compatible with the wording. */
    public double hi() {
        double half = step() / 2;
        return switch (qualifier) {
            case EXACT -> step() > 1 ? value + half : value;
            case ABOUT, MORE_THAN, AT_LEAST -> value + Math.max(half, 0.5);
            case FEWER_THAN -> Math.nextDown(value);
            case UP_TO -> value;
        };
    }

    /** True when some value satisfies both wordings (and the units agree). */
    public boolean overlaps(Quantity other) {
        return lo() <= other.hi() && other.lo() <= hi();
    }
}
