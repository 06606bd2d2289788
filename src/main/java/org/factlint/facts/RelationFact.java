package org.factlint.facts;

import org.factlint.model.RelationType;

/** Claim {@code from} bears on claim {@code to} (both qualified ids) as {@code type} says. */
// Records never change in working memory: property reactivity would buy nothing, and constraints that join
// another pattern's fact would make Drools warn of class reactivity on every compile.
@org.kie.api.definition.type.ClassReactive
public record RelationFact(RelationType type, String from, String to) {
}
