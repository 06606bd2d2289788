package org.factlint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.factlint.DocBuilder.article;
import static org.factlint.DocBuilder.claim;

import java.util.List;
import org.factlint.model.CueCategory;
import org.factlint.model.Document;
import org.factlint.model.RelationType;
import org.junit.jupiter.api.Test;

/** Truth maintenance keeps one flag per pair, and the relation warning, right as documents arrive at a desk. */
class OneFlagPerPairOverTimeTest {
    static final Checker CHECKER = Factlint.checker();

    static Document resigned() {
        return article("a").entity("m", "Ivan Petrov").claim(claim("c1", "m", "resign")).build();
    }

    static Document denial() {
        return article("b").entity("m", "Ivan Petrov").claim(claim("d1", "m", "resign").negated()
                .cue(CueCategory.DENIAL, "denied").relation(RelationType.DENIES, "a:c1")).build();
    }

    @Test
    void aDenialThatArrivesBeforeItsTarget_isReported_thenBecomesOneDenialFlag() {
        try (DeskSession desk = CHECKER.openDesk()) {
            List<Flag> first = desk.add(denial());
            assertThat(first).extracting(Flag::code, Flag::claims)
                    .containsExactly(tuple("CONS-UNKNOWN-TARGET", List.of("b:d1")));
            assertThat(first.get(0).message()).contains("denies claim 'a:c1', which is not among the documents checked");

            List<Flag> then = desk.add(resigned());
            assertThat(then).extracting(Flag::code, Flag::claims)
                    .containsExactly(tuple("CON-DENIAL", List.of("a:c1", "b:d1")));
        }
    }

    @Test
    void withoutTheRelation_theSamePairIsOnePolarityFlag() {
        Document negated = article("b").entity("m", "Ivan Petrov").claim(claim("d1", "m", "resign").negated()).build();
        assertThat(CHECKER.check(resigned(), negated).flags()).extracting(Flag::code)
                .containsExactly("CON-POLARITY");
    }
}
