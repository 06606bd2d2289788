package org.factlint.facts;

import java.util.Objects;

/**
 * Derived: a contradiction rule flagged {@code claim} against {@code other}, with the rule's place in the pack's
 * precedence ({@code rank}, 1 first). Each contradiction rule inserts it logically for both orders of its pair and
 * stands back, through a {@code not} guard, when a rule of lower rank holds the same pair: one pair of claims gets
 * one contradiction flag, and truth maintenance brings the next one back if the first one's reason goes.
 */
@org.kie.api.definition.type.ClassReactive // never modified in working memory (see ArticleSource)
public record ContradictionPair(String claim, String other, int rank) {
    public ContradictionPair {
        Objects.requireNonNull(claim, "claim");
        Objects.requireNonNull(other, "other");
    }
}
