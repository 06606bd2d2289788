package org.factlint.model;

/**
 * How sure the source is that the event happened (FactBank's scale, polarity kept apart in {@link Polarity}).
 * Ordered from most to least certain.
 */
public enum Factuality {
    CERTAIN, PROBABLE, POSSIBLE, UNKNOWN;

    /** True for certain and probable: the source presents the content as (nearly) established. */
    public boolean asserted() {
        return this == CERTAIN || this == PROBABLE;
    }
}
