package org.factlint.facts;

import java.util.Objects;

/**
 * A row of a pack's predicate table ({@code lexicon/predicates.csv}): what a canonical predicate means for the
 * rules. Synonyms and verb forms are applied when claims are loaded (a claim's {@code predicate} is always the
 * canonical one); implications, opposites and single-valued predicates are facts the rules join on.
 *
 * @param predicate the canonical predicate
 * @param relation  what the row says
 * @param other     the other term (a predicate, or a verb form for {@code VERB}); empty for {@code SINGLE_VALUED}
 */
@org.kie.api.definition.type.ClassReactive // never modified in working memory (see ArticleSource)
public record PredicateTerm(String predicate, PredicateRelation relation, String other) {
    public PredicateTerm {
        Objects.requireNonNull(predicate, "predicate");
        Objects.requireNonNull(relation, "relation");
        Objects.requireNonNull(other, "other");
    }
}
