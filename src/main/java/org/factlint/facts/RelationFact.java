package org.factlint.facts;

import org.factlint.model.RelationType;

/** Claim {@code from} bears on claim {@code to} (both qualified ids) as {@code type} says. */
public record RelationFact(RelationType type, String from, String to) {
}
