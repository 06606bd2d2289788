package org.factlint.facts;

/**
 * A claim's sentence prepared for lexicon matching ({@link org.factlint.rules.Lexicon#normalize}). Only the lexicon
 * rules insert it, and only for claims that carry no hand-annotated cue, so a pack without those rules pays nothing.
 *
 * @param claim the qualified claim id
 * @param match the normalised sentence
 */
// Records never change in working memory: property reactivity would buy nothing, and constraints that join
// another pattern's fact would make Drools warn of class reactivity on every compile.
@org.kie.api.definition.type.ClassReactive
public record ClaimText(String claim, String match) {
}
