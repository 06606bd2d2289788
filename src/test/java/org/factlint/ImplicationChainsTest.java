package org.factlint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.factlint.DocBuilder.article;
import static org.factlint.DocBuilder.claim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.factlint.model.CueCategory;
import org.factlint.model.Document;
import org.factlint.model.Factuality;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Implications chain in the rules (predicates.drl), not in Java: rows a rule author adds to the predicate table make
 * a chain of three steps that settles an open question, and a cycle in the table still ends with the same flags.
 * The bundled pack's two-step cases are scenarios in rules/tests/predicates.json. One edited pack per class.
 */
class ImplicationChainsTest {
    static final Checker BUNDLED = Factlint.checker();
    static Checker chained;

    /** The bundled files with three rows added: inspect-troops implies review-parade implies lead-delegation
     *  (which implies attend, which implies accept-invitation), and accept-invitation implies attend (a cycle). */
    @BeforeAll
    static void compileAPackWithALongerChainAndACycle() throws IOException {
        Map<String, String> files = new TreeMap<>(org.factlint.internal.PackFiles.read(Path.of("rules")));
        files.merge("lexicon/predicates.csv", "inspect-troops,implies,review-parade\n"
                + "review-parade,implies,lead-delegation\naccept-invitation,implies,attend\n", String::concat);
        chained = Factlint.checker(RulePack.of("chained", files));
    }

    /** "Did not specify whether he accepted the invitation", and another wire's claim of {@code predicate}. */
    private static List<Document> unspecifiedThen(String predicate) {
        Document open = article("a").entity("rahmon", "Emomali Rahmon").entity("vd", "Victory Day parade")
                .claim(claim("c1", "rahmon", "accept-invitation").object("vd").factuality(Factuality.UNKNOWN)
                        .cue(CueCategory.UNSPECIFIED, "did not specify whether")).build();
        Document answer = article("b").entity("rahmon", "Emomali Rahmon").entity("vd", "Victory Day parade")
                .claim(claim("d1", "rahmon", predicate).object("vd")).build();
        return List.of(open, answer);
    }

    @Test
    void aChainOfFourStepsAddedAsRows_settlesTheOpenQuestion_withNoDrlEdit() {
        assertThat(BUNDLED.check(unspecifiedThen("inspect-troops")).flags("UNC-UNSPECIFIED")).hasSize(1);
        assertThat(chained.check(unspecifiedThen("inspect-troops")).flags("UNC-UNSPECIFIED")).isEmpty();
    }

    @Test
    void aCycleInTheTable_ends_andGivesTheFlagsOfThePackWithoutIt() {
        Report withCycle = chained.check(unspecifiedThen("lead-delegation"));
        Report without = BUNDLED.check(unspecifiedThen("lead-delegation"));
        assertThat(withCycle.complete()).isTrue();
        assertThat(withCycle.flags()).isEmpty();
        assertThat(without.flags()).isEmpty();
    }

    @Test
    void aDenialAtTheEndOfTheChain_isOneContradictionWithTheClaimAtItsStart() {
        Document declined = article("a").entity("rahmon", "Emomali Rahmon").entity("vd", "Victory Day parade")
                .claim(claim("c1", "rahmon", "decline-invitation").object("vd")).build();
        Document inspected = article("b").entity("rahmon", "Emomali Rahmon").entity("vd", "Victory Day parade")
                .claim(claim("d1", "rahmon", "inspect-troops").object("vd")).build();
        assertThat(chained.check(List.of(declined, inspected)).flags())
                .extracting(Flag::code, Flag::claims)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("CON-POLARITY", List.of("a:c1", "b:d1")));
        assertThat(BUNDLED.check(List.of(declined, inspected)).flags("CON-POLARITY")).isEmpty();
    }
}
