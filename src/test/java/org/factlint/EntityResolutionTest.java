package org.factlint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.factlint.DocBuilder.article;
import static org.factlint.DocBuilder.claim;

import java.util.ArrayList;
import java.util.List;
import org.factlint.model.Article;
import org.factlint.model.Document;
import org.factlint.model.Entity;
import org.junit.jupiter.api.Test;

/** Names linked through aliases in any document are one entity, whatever order the documents come in. */
class EntityResolutionTest {
    static final Checker CHECKER = Factlint.checker();

    @Test
    void aliasChainAcrossDocuments_joinsEntities_inEveryDocumentOrder() {
        Document visited = article("a").entity("g", "Gurbanguly").entity("y", "Country Y")
                .claim(claim("a1", "g", "visit").object("y")).build();
        Document didNotVisit = article("b").entity("ark", "Arkadag").entity("y", "Country Y")
                .claim(claim("b1", "ark", "visit").object("y").negated()).build();
        Document base = article("c").build();
        Document linking = new Document(new Article("c", "c-outlet", "Who is who", null, null, null),
                base.sources(), List.of(new Entity("g", "Gurbanguly", List.of("Arkadag"), null, List.of())), List.of());

        List<List<Document>> orders = List.of(
                List.of(visited, didNotVisit, linking), List.of(visited, linking, didNotVisit),
                List.of(didNotVisit, visited, linking), List.of(didNotVisit, linking, visited),
                List.of(linking, visited, didNotVisit), List.of(linking, didNotVisit, visited));
        List<List<Flag>> results = new ArrayList<>();
        for (List<Document> order : orders) {
            results.add(CHECKER.check(order).flags());
        }
        assertThat(results.get(0)).extracting(Flag::code, Flag::claims)
                .containsExactly(org.assertj.core.api.Assertions.tuple("CON-POLARITY", List.of("a:a1", "b:b1")));
        assertThat(results).allSatisfy(flags -> assertThat(flags).isEqualTo(results.get(0)));
    }
}
