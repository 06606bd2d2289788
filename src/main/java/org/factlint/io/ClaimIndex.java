package org.factlint.io;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.factlint.model.Claim;
import org.factlint.model.Document;

/** The checked documents' claims by qualified id ({@code articleId:claimId}), for writers that show claim text. */
record ClaimIndex(Map<String, Document> documents, Map<String, Claim> claims) {
    static ClaimIndex of(Collection<Document> documents) {
        Map<String, Document> docByClaim = new HashMap<>();
        Map<String, Claim> claims = new HashMap<>();
        for (Document d : documents) {
            for (Claim c : d.claims()) {
                docByClaim.put(d.qualify(c.id()), d);
                claims.put(d.qualify(c.id()), c);
            }
        }
        return new ClaimIndex(docByClaim, claims);
    }
}
