package org.factlint.store;

import java.time.Duration;
import java.time.Instant;
import org.factlint.Flag;

/**
 * A flag in the store, with its life: raised when and by which document, retracted when and by which (or open).
 *
 * @param pack       the rule pack that raised it (its name)
 * @param packDigest that pack's digest ({@link org.factlint.RulePack#digest()}), or null for a flag raised before
 *                   stores noted it
 */
public record StoredFlag(Flag flag, Instant raisedAt, String raisedBy, Instant retractedAt, String retractedBy,
                         String pack, String packDigest) {
    /** A flag whose pack digest is not known. */
    public StoredFlag(Flag flag, Instant raisedAt, String raisedBy, Instant retractedAt, String retractedBy,
                      String pack) {
        this(flag, raisedAt, raisedBy, retractedAt, retractedBy, pack, null);
    }

    /** True while no document has retracted it. */
    public boolean open() {
        return retractedAt == null;
    }

    /** How long it has been raised, at {@code now}. */
    public Duration age(Instant now) {
        return Duration.between(raisedAt, now);
    }
}
