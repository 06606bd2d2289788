package org.factlint.model;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.factlint.internal.Check;

/**
 * One article with the sources and entities it names and the claims found in it. References are checked here:
 * every source, entity and same-document relation target a claim names must be declared.
 */
public record Document(Article article, List<Source> sources, List<Entity> entities, List<Claim> claims) {
    public Document {
        Check.required(article, "article");
        sources = Check.list(sources, "sources");
        entities = Check.list(entities, "entities");
        claims = Check.list(claims, "claims");
        DocumentRules.validate(article, sources, entities, claims);
    }

    /** The document's claim ids are qualified with its article id to stay unique across documents. */
    public String qualify(String claimId) {
        return claimId.indexOf(':') >= 0 ? claimId : article.id() + ":" + claimId;
    }

    static Set<String> ids(List<String> values) {
        return new HashSet<>(values);
    }
}
