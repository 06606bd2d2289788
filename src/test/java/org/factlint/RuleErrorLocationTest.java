package org.factlint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.factlint.testing.Scenario;
import org.factlint.testing.ScenarioResult;
import org.factlint.testing.ScenarioRunner;
import org.factlint.testing.FlagSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A rule that fails at run time is named with its file and line; a scenario whose run was cut short fails. */
class RuleErrorLocationTest {
    private static final String HEAD = "package org.factlint.rules;\n\nimport java.util.List;\nimport org.factlint.facts.ClaimFact;\n\n";
    private static final String SEEN = """

            // every claim is seen
            rule "Seen"
                @code("X-SEEN") @category("unconfirmed") @severity("low") @message("{claim} seen.")
            when
                $c : ClaimFact()
            then
                insertLogical( Flags.flag( kcontext, List.of( $c ), List.of() ) );
            end
            """;
    static RulePack condition;
    static RulePack consequence;

    @BeforeAll
    static void compile() {
        condition = RulePack.of("condition", Map.of("a.drl", HEAD + SEEN, "cut.drl", HEAD + """
                // a condition that throws on short predicates
                rule "Cut: the tail of the predicate"
                when
                    $c : ClaimFact( predicate.substring( 40 ) == "x" )
                then
                end
                """));
        consequence = RulePack.of("consequence", Map.of("boom.drl", HEAD + """
                // throws on some claims
                rule "Boom"
                when
                    $c : ClaimFact( predicate == "boom" )
                then
                    throw new IllegalStateException( "cannot handle " + $c.id() );
                end
                """ + SEEN));
    }

    @Test
    void aConditionThatThrows_isNamedWithItsRuleAndFileLine() {
        Report report = Factlint.checker(condition).check(RunawayRulesTest.doc("a", "attend"));
        assertThat(report.complete()).isFalse();
        assertThat(report.problems()).hasSize(1);
        CheckError p = report.problems().get(0);
        assertThat(p.rule()).isEqualTo("Cut: the tail of the predicate");
        assertThat(p.where()).isEqualTo("cut.drl:7");
        assertThat(p.toString()).startsWith("rule \"Cut: the tail of the predicate\" (cut.drl:7): ");
    }

    @Test
    void aConsequenceThatThrows_isNamedWithItsRuleAndFileLine() {
        Report report = Factlint.checker(consequence).check(RunawayRulesTest.doc("a", "boom"));
        assertThat(report.problems()).extracting(CheckError::toString).containsExactly(
                "rule \"Boom\" (boom.drl:7): threw IllegalStateException: cannot handle a:c1 on a:c1");
    }

    @Test
    void aScenarioWhoseRunWasCutShort_fails_thoughItsExpectationsHold() {
        Scenario s = new Scenario("nothing unexpected", null,
                List.of(new Scenario.Given(null, RunawayRulesTest.doc("a", "boom"))),
                new Scenario.Expect(null, null, List.of(new FlagSpec("X-SEEN", List.of("a:c9")))), null, 0);
        ScenarioResult r = new ScenarioRunner(consequence).run(s);
        assertThat(r.passed()).isFalse();
        assertThat(r.problems()).containsExactly("incomplete run: rule \"Boom\" (boom.drl:7): threw "
                + "IllegalStateException: cannot handle a:c1 on a:c1");
    }
}
