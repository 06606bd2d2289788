package org.factlint.model;

import org.factlint.internal.Check;

/**
 * How this claim bears on another. The target is a claim id of the same document ("c3"), or of another document
 * as "articleId:claimId".
 */
public record Relation(RelationType type, String target) {
    public Relation {
        Check.required(type, "relation type");
        Check.text(target, "relation target");
    }
}
