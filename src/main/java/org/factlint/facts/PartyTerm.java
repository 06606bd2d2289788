package org.factlint.facts;

import java.util.Objects;

/**
 * A row of a pack's party table ({@code parties.csv}): a name that stands for a party ("Government of Turkmenistan"
 * and "Ashgabat" for Turkmenistan). Applied when claims are loaded: every party field of a claim is the party's key,
 * whichever of its names a document used, so sources and entities of one party meet in the rules' joins.
 *
 * @param party    the party's display name, as messages show it
 * @param alias    another name of it
 * @param key      the party's key ({@link ClaimFact#originParty()} and the other party fields)
 * @param aliasKey the alias, folded
 */
@org.kie.api.definition.type.ClassReactive // never modified in working memory (see ArticleSource)
public record PartyTerm(String party, String alias, String key, String aliasKey) {
    public PartyTerm {
        Objects.requireNonNull(party, "party");
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(aliasKey, "aliasKey");
    }
}
