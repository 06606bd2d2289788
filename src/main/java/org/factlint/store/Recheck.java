package org.factlint.store;

import java.time.Instant;
import java.util.List;

/**
 * What re-checking a store changed ({@link ClaimStore#recheck}): with a new pack, the flags it raises and no longer
 * raises; with the same pack on a later clock, the claims that escalated and the forecasts whose day has passed.
 *
 * @param pack      the name of the pack the store was re-checked with
 * @param digest    its digest ({@link org.factlint.RulePack#digest()}), noted with every flag it raises
 * @param at        the store's clock at the re-check
 * @param documents how many stored documents were checked
 * @param raised    flags raised by the re-check
 * @param retracted flags the re-check retracted
 */
public record Recheck(String pack, String digest, Instant at, int documents, List<FlagEvent> raised,
                      List<FlagEvent> retracted) {
    public Recheck {
        raised = List.copyOf(raised);
        retracted = List.copyOf(retracted);
    }
}
