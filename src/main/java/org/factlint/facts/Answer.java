package org.factlint.facts;

/**
 * Derived: the question that {@code claim} left open is settled. {@code by} is the claim that says so in so many
 * words ({@code ANSWERS} relation), or null when some certain claim about the same event settles it.
 */
public record Answer(String claim, String by) {
}
