package org.factlint.facts;

/**
 * Derived: where a claim puts its subject on one day, from the claim's place or from the object of a predicate that
 * implies being somewhere ({@code arrive ⇒ be-in} in the predicate table).
 *
 * @param claim     the claim
 * @param subject   the subject's key
 * @param place     the place's key
 * @param placeName the place's declared name
 * @param day       the day, as epoch day
 */
@org.kie.api.definition.type.ClassReactive // never modified in working memory (see ArticleSource)
public record Location(String claim, String subject, String place, String placeName, long day) {
}
