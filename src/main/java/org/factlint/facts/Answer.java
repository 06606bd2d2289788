package org.factlint.facts;

/** Derived: claim {@code by} settles the question that {@code claim} left open. */
public record Answer(String claim, String by) {
}
