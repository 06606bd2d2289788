package org.factlint.facts;

/**
 * Derived: an origin tells of an event, in at least one claim. One per event and origin however many claims it has,
 * so that the contradiction rules reach the other origins of an event first and then only their claims (both joins
 * hashed), instead of meeting every claim of the event and dropping those of the same origin one pair at a time.
 *
 * @param eventKey the event ({@link ClaimFact#eventKey})
 * @param origin   the claims' origin ({@link ClaimFact#origin})
 */
// Records never change in working memory: property reactivity would buy nothing.
@org.kie.api.definition.type.ClassReactive
public record Told(String eventKey, String origin) {
}
