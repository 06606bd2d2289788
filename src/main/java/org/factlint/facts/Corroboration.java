package org.factlint.facts;

/** Derived: claim {@code by}, from an independent source, says what {@code claim} says. */
public record Corroboration(String claim, String by) {
}
