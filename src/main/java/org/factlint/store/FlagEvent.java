package org.factlint.store;

import java.time.Instant;
import org.factlint.Flag;

/**
 * A flag raised or retracted.
 *
 * @param flag     the flag
 * @param at       when, on the store's clock
 * @param causedBy the article id of the document whose adding raised or retracted it
 */
public record FlagEvent(Flag flag, Instant at, String causedBy) {
}
