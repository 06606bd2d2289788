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
import org.factlint.model.SourceKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The predicate and party tables are data: a rule author's row changes results without a DRL edit. */
class PredicateAndPartyTablesTest {
    static final Checker BUNDLED = Factlint.checker();
    static Checker edited;

    /** The bundled pack's files with one row added to the predicate table, compiled once for the class. */
    @BeforeAll
    static void compileEditedPack() throws IOException {
        Map<String, String> files = new TreeMap<>(org.factlint.internal.PackFiles.read(Path.of("rules")));
        files.merge("lexicon/predicates.csv", "attend,synonym,be-present-at\n", String::concat);
        files.merge("names/romanisation.csv", "حماس,Hamas\n", String::concat);
        edited = Factlint.checker(RulePack.of("edited", files));
    }

    private static List<Document> undecidedThenPresent() {
        Document open = article("a").entity("rahmon", "Emomali Rahmon").entity("vd", "Victory Day parade")
                .claim(claim("c1", "rahmon", "attend").object("vd").factuality(Factuality.UNKNOWN)
                        .cue(CueCategory.UNDECIDED, "had not yet decided whether")).build();
        Document present = article("b").entity("rahmon", "Emomali Rahmon").entity("vd", "Victory Day parade")
                .claim(claim("d1", "rahmon", "be-present-at").object("vd")).build();
        return List.of(open, present);
    }

    @Test
    void oneSynonymRowAdded_settlesAnOpenQuestion_withNoDrlEdit() {
        assertThat(BUNDLED.check(undecidedThenPresent()).flags("UNC-UNDECIDED")).hasSize(1);
        assertThat(edited.check(undecidedThenPresent()).flags("UNC-UNDECIDED")).isEmpty();
    }

    /**
     * Party keys fold with the pack's name tables, as entity names do: with a romanisation row saying that news spells
     * حماس Hamas, a source declared for حماس speaks for the party its leader's entity names in Latin letters.
     */
    @Test
    void aNameTableRowOfThePack_changesAPartyJoin() {
        Document d = article("a").source("qassam", SourceKind.PRESS_SERVICE, "حماس")
                .entity("haniyeh", "Ismail Haniyeh", "Hamas").entity("netanyahu", "Benjamin Netanyahu", "Israel")
                .claim(claim("c1", "haniyeh", "meet").object("netanyahu").saidBy("qassam", "said")).build();
        assertThat(BUNDLED.check(d).flags("UNC-SINGLE-INTERESTED")).as("the bundled pack: حماس folds as hmas").isEmpty();
        assertThat(edited.check(d).flags("UNC-SINGLE-INTERESTED")).as("the pack with the row").hasSize(1);
    }

    @Test
    void theSourceTableMessage_namesParties_neverFoldedKeys() {
        Document d = article("a").source("tass", SourceKind.WIRE_AGENCY, "Russian Federation")
                .entity("putin", "Vladimir Putin", "Russia").entity("x", "Country X")
                .claim(claim("c1", "putin", "invite").object("x").saidBy("tass", "reported")).build();
        Flag flag = BUNDLED.check(d).flags("CONS-SOURCE-TABLE").get(0);
        assertThat(flag.message()).isEqualTo("Source tass is declared here as wire agency for 'Russia', but the "
                + "newsroom's source table lists it as state media for 'Russia': independence is judged on the declaration.");
    }

    @Test
    void badPredicateAndPartyRows_areLocated() {
        String drl = "package org.factlint.rules;\nimport org.factlint.facts.ClaimFact;\nrule \"any\"\nwhen\n    ClaimFact()\nthen\nend\n";
        String predicates = "predicate,relation,other\nattend,implys,accept\nAttend,synonym,join\ncount,single_valued,x\n"
                + "attend,synonym,join\nattend,synonym,join\nvisit,synonym,join\n";
        String parties = "party,alias\nTurkmenistan,Ashgabat\nRussia,Ashgabat\n";
        try {
            RulePack.of("t", Map.of("r.drl", drl, "lexicon/predicates.csv", predicates, "parties.csv", parties));
            throw new AssertionError("the pack compiled");
        } catch (RulePackException e) {
            assertThat(e.problems()).extracting(RuleProblem::toString).containsExactly(
                    "lexicon/predicates.csv:2:8: unknown predicate relation 'implys' (expected one of: synonym, verb, "
                            + "implies, opposite, single_valued)",
                    "lexicon/predicates.csv:3:1: 'Attend' is not a predicate (a lower-case term such as 'attend' or "
                            + "'accept-invitation')",
                    "lexicon/predicates.csv:4:21: single_valued takes no other term but has 'x'",
                    "lexicon/predicates.csv:6:1: duplicate row: it is already at line 5",
                    "lexicon/predicates.csv:7:15: 'join' is already a synonym of 'attend'",
                    "parties.csv:3:8: 'Ashgabat' already stands for 'Turkmenistan'");
        }
    }
}
