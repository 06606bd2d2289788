package org.factlint.facts;

/**
 * Derived from the place table ({@code places.csv}, {@link PlaceTerm}): one place lies within another, directly or
 * through places between ("Red Square" within "Moscow" within "Russia" gives Red Square within Russia too). Keys are
 * those of claims' {@link ClaimFact#placeKey()}: rules join a claim's place on {@code inner} or {@code outer}.
 *
 * @param inner     the key of the place that lies within
 * @param outer     the key of the place it lies within
 * @param innerName the inner place's name, for messages
 * @param outerName the outer place's name
 */
@org.kie.api.definition.type.ClassReactive // never modified in working memory (see ArticleSource)
public record Within(String inner, String outer, String innerName, String outerName) {
}
