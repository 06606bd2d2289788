package org.factlint.facts;

/**
 * One word of an entity's name as a document spells it: in the declared name ({@code claim} null) or in a claim.
 *
 * @param fold the word's folded form; two mentions with the same fold and different words are two spellings
 */
// Records never change in working memory: property reactivity would buy nothing, and constraints that join
// another pattern's fact would make Drools warn of class reactivity on every compile.
@org.kie.api.definition.type.ClassReactive
public record MentionFact(String article, String entityKey, String word, String fold, String claim) {
}
