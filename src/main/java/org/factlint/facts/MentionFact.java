package org.factlint.facts;

/**
 * One word of an entity's name as a document spells it: in the declared name ({@code claim} null) or in a claim.
 *
 * @param fold the word's folded form; two mentions with the same fold and different words are two spellings
 */
public record MentionFact(String article, String entityKey, String word, String fold, String claim) {
}
