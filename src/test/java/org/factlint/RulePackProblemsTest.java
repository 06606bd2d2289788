package org.factlint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Broken DRL gives every problem at once, located at the offending word, in words a rule author understands. */
class RulePackProblemsTest {
    private static final String HEAD = "package org.factlint.rules;\n\nimport java.util.List;\nimport org.factlint.facts.ClaimFact;\n\n";
    private static List<String> problems;

    @BeforeAll
    static void compileBrokenPack() {
        Map<String, String> files = Map.of(
                "syntax.drl", HEAD + "rule \"syntax\"\nwhen\n    $c : ClaimFact( id == == \"x\" )\nthen\nend\n",
                "field.drl", HEAD + "rule \"field\"\nwhen\n    $c : ClaimFact( colour == \"red\" )\nthen\nend\n",
                "type.drl", HEAD + "rule \"type\"\nwhen\n    $c : ClaimFacts( id == \"x\" )\nthen\nend\n",
                "consequence.drl", HEAD + "rule \"consequence\"\nwhen\n    $c : ClaimFact()\nthen\n    $c.noSuchMethod();\nend\n");
        try {
            RulePack.of("broken", files);
            throw new AssertionError("a broken pack compiled");
        } catch (RulePackException e) {
            problems = e.problems().stream().map(RuleProblem::toString).toList();
        }
    }

    @Test
    void reportsEveryError_inFileOrder_withoutParserNoise() {
        assertThat(problems).containsExactly(
                "consequence.drl:10:8: rule \"consequence\": the method 'noSuchMethod(...)' is not allowed in an untrusted pack",
                "field.drl:8:21: rule \"field\": ClaimFact has no field 'colour' (in: colour == \"red\")",
                "syntax.drl:8:27: no viable alternative at input '==' in rule \"syntax\"",
                "type.drl:8:10: unknown fact type 'ClaimFacts': no such class is imported or declared");
    }

    @Test
    void rejectsFlagRule_missingSeverityAndMessage() {
        String drl = HEAD + "rule \"half\"\n    @code(\"X-HALF\") @category(\"unconfirmed\")\nwhen\n    $c : ClaimFact()\nthen\n"
                + "    insertLogical( Flags.flag( kcontext, List.of( $c ), List.of() ) );\nend\n";
        assertThatThrownBy(() -> RulePack.of("half", Map.of("half.drl", drl)))
                .isInstanceOf(RulePackException.class)
                .hasMessage("rule pack half has 1 error:\nhalf.drl:6:1: rule \"half\": @severity is missing (a rule with "
                        + "@code needs @category, @severity and @message)");
    }

    @Test
    void rejectsMetadata_withoutCode() {
        String drl = HEAD + "rule \"no code\"\n    @severity(\"low\")\nwhen\n    ClaimFact()\nthen\nend\n";
        assertThatThrownBy(() -> RulePack.of("nocode", Map.of("n.drl", drl)))
                .hasMessageEndingWith("n.drl:6:1: rule \"no code\" has @severity but no @code: a rule that raises flags "
                        + "needs @code, @category, @severity and @message");
    }

    @Test
    void warnsOfRules_thatCanNeverFire() {
        String drl = HEAD + "import org.factlint.facts.CueFact;\nimport org.factlint.model.CueCategory;\n\n"
                + "rule \"integers\"\nwhen\n    ClaimFact()\n    Integer()\nthen\nend\n\n"
                + "rule \"boosted\"\nwhen\n    $c : ClaimFact()\n    CueFact( claim == $c.id, category == CueCategory.BOOSTER )\nthen\nend\n";
        RulePack pack = RulePack.of("w", Map.of("w.drl", drl, "lexicon/cues.csv", "category,phrase\nhedge,reportedly\n"));
        assertThat(pack.warnings()).extracting(RuleProblem::toString).containsExactly(
                "w.drl:9:1: warning: rule \"integers\" can never fire: it matches Integer facts, which neither the "
                        + "loader, the pack's tables nor any rule inserts",
                "w.drl:16:1: warning: rule \"boosted\" looks for cue category BOOSTER, which no lexicon row defines: "
                        + "only hand-annotated cues can trigger it");
    }

    @Test
    void bundledPack_hasNoWarnings() {
        assertThat(RulePack.bundled().warnings()).isEmpty();
    }
}
