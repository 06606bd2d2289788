package org.factlint.facts;

/**
 * The row of a pack's {@code undated.csv}: a claim that says no time stands for the days within {@code days} of its
 * publication, so it meets (corroborates, answers, contradicts) only claims of those days, not every claim of its
 * subject and object over an archive's years. Read by the fact loader, which sets each undated claim's
 * {@link ClaimFact#nearFrom()} / {@link ClaimFact#nearTo()}; the rules' {@code compatibleTime} and the pack's join keys
 * read those fields.
 *
 * @param days how many days before and after its publication an undated claim stands for, 0 to 3650
 */
public record UndatedTerm(int days) {
    /** More than ten years is no bound: leave the table out instead. */
    public static final int MAX_DAYS = 3_650;

    public UndatedTerm {
        if (days < 0 || days > MAX_DAYS) {
            throw new IllegalArgumentException("days must be from 0 to " + MAX_DAYS + ", was " + days);
        }
    }
}
