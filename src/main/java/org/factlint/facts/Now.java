package org.factlint.facts;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The engine's clock as the rules see it: one fact in a session that runs on a clock ({@code Checker.at(now)}, a
 * claim store's check, a desk session opened at a time), set from the session's pseudo clock and moved with it
 * ({@code DeskSession.advanceTo}). A check without a clock has no {@code Now}, so no time rule fires in it.
 *
 * @param at  the session clock's time, epoch milliseconds
 * @param day the UTC day of {@code at}, as epoch day (compare with {@link ClaimFact#to()})
 */
@org.kie.api.definition.type.ClassReactive // replaced, never modified in place
public record Now(long at, long day) {
    /** The clock fact of a session clock reading {@code millis}. */
    public static Now of(long millis) {
        return new Now(millis, Math.floorDiv(millis, 86_400_000L));
    }

    /** An epoch day as a date ({@code 2023-05-09}), for messages: {@code $now.date($c.to())}. */
    public String date(long epochDay) {
        return java.time.LocalDate.ofEpochDay(epochDay).toString();
    }

    /** The clock as an instant, for messages. */
    @Override
    public String toString() {
        return Instant.ofEpochMilli(at).atOffset(ZoneOffset.UTC).toString();
    }
}
