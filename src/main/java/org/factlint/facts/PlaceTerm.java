package org.factlint.facts;

import java.util.Objects;

/**
 * A row of a pack's place table ({@code places.csv}): a place and the place it lies in ("Red Square" in "Moscow",
 * "Moscow" in "Russia"). The rules derive from the rows which places lie within which ({@link Within}, chained), so
 * that a claim made in Moscow and one made in Russia are not taken for two places.
 *
 * @param place     the place's name
 * @param within    the name of the place it lies in
 * @param placeKey  the place's key, as claims' {@link ClaimFact#placeKey()} holds it
 * @param withinKey the key of the place it lies in
 */
@org.kie.api.definition.type.ClassReactive // never modified in working memory (see ArticleSource)
public record PlaceTerm(String place, String within, String placeKey, String withinKey) {
    public PlaceTerm {
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(within, "within");
        Objects.requireNonNull(placeKey, "placeKey");
        Objects.requireNonNull(withinKey, "withinKey");
    }
}
