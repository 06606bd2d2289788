package org.factlint.facts;

import java.util.Objects;
import org.factlint.model.CueCategory;
import org.factlint.rules.Lexicon;

/**
 * A row of a pack's cue lexicon ({@code lexicon/*.csv}): a phrase that signals a cue category wherever it stands in a
 * claim's sentence. One fact per row sits in every session; the lexicon rules match it against {@link ClaimText}.
 *
 * @param category what the phrase signals
 * @param phrase   the phrase as the editor wrote it
 * @param match    the phrase normalised for matching ({@link Lexicon#normalize}): lower case, words separated and
 *                 surrounded by single spaces, so {@code " may "} never matches "Mayor"
 */
// Records never change in working memory: property reactivity would buy nothing, and constraints that join
// another pattern's fact would make Drools warn of class reactivity on every compile.
@org.kie.api.definition.type.ClassReactive
public record CueTerm(CueCategory category, String phrase, String match) {
    public CueTerm {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(phrase, "phrase");
        Objects.requireNonNull(match, "match");
    }

    public static CueTerm of(CueCategory category, String phrase) {
        return new CueTerm(category, phrase.strip(), Lexicon.normalize(phrase));
    }
}
