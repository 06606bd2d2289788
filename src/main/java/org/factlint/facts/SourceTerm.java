package org.factlint.facts;

import java.util.Objects;
import org.factlint.model.SourceKind;

/**
 * A row of a pack's source table ({@code sources.csv}): what the newsroom knows about a source, whoever cites it.
 *
 * @param source    the source id documents use
 * @param kind      its kind
 * @param party     the party it speaks for as written, or null when it speaks for no one
 * @param partyKey  the folded party key, compared with {@link ClaimFact#originParty()} ({@code "source:<id>"} when it
 *                  speaks for no party, as there)
 */
// Records never change in working memory: property reactivity would buy nothing, and constraints that join
// another pattern's fact would make Drools warn of class reactivity on every compile.
@org.kie.api.definition.type.ClassReactive
public record SourceTerm(String source, SourceKind kind, String party, String partyKey) {
    public SourceTerm {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(partyKey, "partyKey");
    }
}
