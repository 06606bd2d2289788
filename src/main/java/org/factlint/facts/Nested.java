package org.factlint.facts;

/**
 * Derived from {@link Within}, both ways round: one of two places lies within the other ("Red Square" and "Russia",
 * "Russia" and "Red Square"). A claim in one and a claim in the other tell of one place; rules that ask only that
 * two places agree join {@code Nested( place == $a.placeKey, other == $b.placeKey )} without caring which is inside.
 *
 * @param place a place's key
 * @param other the key of a place within it or around it
 */
@org.kie.api.definition.type.ClassReactive // never modified in working memory (see ArticleSource)
public record Nested(String place, String other) {
}
