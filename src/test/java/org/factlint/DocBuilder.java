package org.factlint;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.factlint.model.Article;
import org.factlint.model.Claim;
import org.factlint.model.Document;
import org.factlint.model.Entity;
import org.factlint.model.Source;
import org.factlint.model.SourceKind;

/** Builds small documents for rule tests: {@code DocBuilder.article("a").source(...).claim(...).build()}. */
final class DocBuilder {
    private final String id;
    private String headline;
    private final List<Source> sources = new ArrayList<>();
    private final List<Entity> entities = new ArrayList<>();
    private final List<Claim> claims = new ArrayList<>();

    private DocBuilder(String id) {
        this.id = id;
        this.headline = "Article " + id;
        sources.add(new Source(id + "-outlet", "Outlet of " + id, SourceKind.OUTLET, null));
    }

    /** An article whose outlet is a source named {@code <id>-outlet}. */
    static DocBuilder article(String id) {
        return new DocBuilder(id);
    }

    DocBuilder source(String sourceId, SourceKind kind, String party) {
        sources.add(new Source(sourceId, "Source " + sourceId, kind, party));
        return this;
    }

    DocBuilder entity(String entityId, String name, String party, String... groups) {
        entities.add(new Entity(entityId, name, List.of(), party, List.of(groups)));
        return this;
    }

    DocBuilder entity(String entityId, String name) {
        return entity(entityId, name, null);
    }

    DocBuilder claim(Claim.Builder claim) {
        claims.add(claim.build());
        return this;
    }

    Document build() {
        return new Document(new Article(id, id + "-outlet", headline, LocalDate.of(2023, 5, 8), null, null),
                sources, entities, claims);
    }

    static Claim.Builder claim(String claimId, String subject, String predicate) {
        return Claim.builder(claimId, subject, predicate);
    }
}
