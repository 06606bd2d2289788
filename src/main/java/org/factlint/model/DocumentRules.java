package org.factlint.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Cross-reference checks of a document; each problem names its JSON path. */
final class DocumentRules {
    private DocumentRules() {
    }

    static void validate(Article article, List<Source> sources, List<Entity> entities, List<Claim> claims) {
        List<InvalidDocumentException.Problem> problems = new ArrayList<>();
        Set<String> sourceIds = unique(sources.stream().map(Source::id).toList(), "sources", "source", problems);
        Set<String> entityIds = unique(entities.stream().map(Entity::id).toList(), "entities", "entity", problems);
        Set<String> claimIds = unique(claims.stream().map(Claim::id).toList(), "claims", "claim", problems);

        if (!sourceIds.contains(article.outlet())) {
            problems.add(new InvalidDocumentException.Problem("article.outlet",
                    "article '" + article.id() + "': outlet '" + article.outlet() + "' is not declared"
                            + declared(sourceIds)));
        }
        for (int i = 0; i < entities.size(); i++) {
            Entity e = entities.get(i);
            for (int j = 0; j < e.groups().size(); j++) {
                entity(e.groups().get(j), "entities[" + i + "].groups[" + j + "]", "entity '" + e.id() + "': group",
                        entityIds, problems);
            }
        }
        for (int i = 0; i < claims.size(); i++) {
            Claim c = claims.get(i);
            String at = "claims[" + i + "]";
            String who = "claim '" + c.id() + "': ";
            entity(c.subject(), at + ".subject", who + "subject", entityIds, problems);
            entity(c.object(), at + ".object", who + "object", entityIds, problems);
            entity(c.place(), at + ".place", who + "place", entityIds, problems);
            for (int j = 0; j < c.attribution().size(); j++) {
                String s = c.attribution().get(j).source();
                if (!sourceIds.contains(s)) {
                    problems.add(new InvalidDocumentException.Problem(at + ".attribution[" + j + "].source",
                            who + "source '" + s + "' is not declared" + declared(sourceIds)));
                }
            }
            for (int j = 0; j < c.relations().size(); j++) {
                String target = c.relations().get(j).target();
                String local = target.startsWith(article.id() + ":") ? target.substring(article.id().length() + 1)
                        : target;
                if (local.indexOf(':') < 0 && !claimIds.contains(local)) {
                    problems.add(new InvalidDocumentException.Problem(at + ".relations[" + j + "].target",
                            who + "relation target '" + target + "' is not a claim of this document"
                                    + " (name another document's claim as 'articleId:claimId')"));
                } else if (local.equals(c.id())) {
                    problems.add(new InvalidDocumentException.Problem(at + ".relations[" + j + "].target",
                            who + "a claim cannot relate to itself"));
                }
            }
            if (c.span() != null && article.text() != null && c.span().end() > article.text().length()) {
                problems.add(new InvalidDocumentException.Problem(at + ".span",
                        who + "span ends at " + c.span().end() + ", past the end of the article text ("
                                + article.text().length() + " characters)"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidDocumentException(problems);
        }
    }

    private static void entity(String id, String path, String what, Set<String> declared,
                               List<InvalidDocumentException.Problem> problems) {
        if (id != null && !declared.contains(id)) {
            problems.add(new InvalidDocumentException.Problem(path,
                    what + " entity '" + id + "' is not declared" + declared(declared)));
        }
    }

    private static Set<String> unique(List<String> ids, String array, String what,
                                      List<InvalidDocumentException.Problem> problems) {
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            if (!seen.add(ids.get(i))) {
                problems.add(new InvalidDocumentException.Problem(array + "[" + i + "].id",
                        "duplicate " + what + " id '" + ids.get(i) + "'"));
            }
        }
        return seen;
    }

    private static String declared(Set<String> ids) {
        if (ids.isEmpty()) {
            return " (none declared)";
        }
        return ids.stream().limit(12).map(s -> "'" + s + "'")
                .collect(Collectors.joining(", ", " (declared: ", ids.size() > 12 ? ", ...)" : ")"));
    }
}
