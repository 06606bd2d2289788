package org.factlint.facts;

import org.factlint.model.Polarity;

/**
 * Derived from the predicate table: {@code claim} also states the event {@code eventKey} with {@code polarity}
 * ("Rahmon attended the parade" states that he accepted the invitation to it; "he stayed away" states that he did
 * not attend). Rules join it on {@link ClaimFact#eventKey()} as they join claims about the same event.
 */
@org.kie.api.definition.type.ClassReactive // never modified in working memory (see ArticleSource)
public record Implied(String claim, String eventKey, Polarity polarity) {
}
