package org.factlint.facts;

/**
 * A claim's sentence prepared for lexicon matching ({@link org.factlint.rules.Lexicon#normalize}). Only the lexicon
 * rules insert it, and only for claims that carry no hand-annotated cue, so a pack without those rules pays nothing.
 *
 * @param claim the qualified claim id
 * @param match the normalised sentence
 */
public record ClaimText(String claim, String match) {
}
