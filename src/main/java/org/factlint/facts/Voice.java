package org.factlint.facts;

/**
 * Derived: a party states an event as certain and affirmed, in at least one claim. One per event and party however
 * many claims say so, so that a join over the parties of an event meets a few facts, not its every claim.
 *
 * @param eventKey the event ({@link ClaimFact#eventKey})
 * @param party    the party of the claims' origin ({@link ClaimFact#originParty})
 */
// Records never change in working memory: property reactivity would buy nothing.
@org.kie.api.definition.type.ClassReactive
public record Voice(String eventKey, String party) {
}
