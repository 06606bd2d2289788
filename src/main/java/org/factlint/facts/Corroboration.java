package org.factlint.facts;

/**
 * Derived: an independent source says what {@code claim} says.
 *
 * @param by the claim that confirms it in so many words, or null when independent reports of the same event
 *           corroborate it (the rule stops at the first one rather than pairing every report with every other)
 */
// Records never change in working memory: property reactivity would buy nothing, and constraints that join
// another pattern's fact would make Drools warn of class reactivity on every compile.
@org.kie.api.definition.type.ClassReactive
public record Corroboration(String claim, String by) {
}
