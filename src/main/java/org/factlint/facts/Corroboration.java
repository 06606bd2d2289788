package org.factlint.facts;

/**
 * Derived: an independent source says what {@code claim} says.
 *
 * @param by the claim that confirms it in so many words, or null when independent reports of the same event
 *           corroborate it (the rule stops at the first one rather than pairing every report with every other)
 */
public record Corroboration(String claim, String by) {
}
