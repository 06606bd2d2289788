package org.factlint.facts;

/**
 * Derived: the question that {@code claim} left open is settled. {@code by} is the claim that says so in so many
 * words ({@code ANSWERS} relation), or null when some certain claim about the same event settles it.
 */
// Records never change in working memory: property reactivity would buy nothing, and constraints that join
// another pattern's fact would make Drools warn of class reactivity on every compile.
@org.kie.api.definition.type.ClassReactive
public record Answer(String claim, String by) {
}
