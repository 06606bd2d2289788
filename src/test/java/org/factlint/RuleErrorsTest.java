package org.factlint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An Error thrown by a rule (stack overflow, out of memory, a failed class initialiser) never escapes a check: it
 * becomes a problem of the report, and the checker serves the next check as usual. The first two packs keep to the
 * untrusted profile: the profile cannot stop a pack from overflowing its stack or asking for too much memory, so the
 * check must survive it.
 */
class RuleErrorsTest {
    static final String ERRORS = RunawayRulesTest.HEADER + """
            import java.util.ArrayList;
            rule "Deep: a list that contains itself"
            when
                $c : ClaimFact( predicate == "deep" )
            then
                List<Object> l = new ArrayList<>();
                l.add( l );
                l.hashCode();
            end
            rule "Greedy: asks for more memory than there is"
            when
                $c : ClaimFact( predicate == "greedy" )
            then
                new ArrayList<Object>( Integer.MAX_VALUE );
            end
            """ + RunawayRulesTest.SEEN;
    static final String INITIALISER = RunawayRulesTest.HEADER + """
            rule "Init: a class initialiser fails"
            when
                $c : ClaimFact( predicate == "init" )
            then
                throw new ExceptionInInitializerError( "static state of the pack" );
            end
            """ + RunawayRulesTest.SEEN;

    static RulePack errors;
    static RulePack initialiser;

    @BeforeAll
    static void compile() {
        errors = RulePack.of("errors", Map.of("errors.drl", ERRORS));
        initialiser = RulePack.of("init", Map.of("init.drl", INITIALISER), Trust.TRUSTED); // Errors are not in the profile
    }

    private static void assertFailedThenServes(RulePack pack, String predicate, String rule, String error) {
        Checker checker = Factlint.checker(pack);

        Report report = checker.check(RunawayRulesTest.doc("a", predicate));

        assertThat(report.complete()).isFalse();
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(CheckError.Kind.RULE_FAILED);
            assertThat(p.rule()).isEqualTo(rule);
            assertThat(p.message()).startsWith("rule failed with " + error);
        });
        Report next = checker.check(RunawayRulesTest.doc("b", "attend"));
        assertThat(next.problems()).isEmpty();
        assertThat(next.flags()).extracting(Flag::code).containsExactly("T-SEEN");
    }

    @Test
    void aStackOverflow_isAProblemOfTheReport_andTheCheckerGoesOn() {
        assertFailedThenServes(errors, "deep", "Deep: a list that contains itself", "StackOverflowError");
    }

    @Test
    void anOutOfMemoryError_isAProblemOfTheReport_andTheCheckerGoesOn() {
        assertFailedThenServes(errors, "greedy", "Greedy: asks for more memory than there is", "OutOfMemoryError");
    }

    @Test
    void aFailedInitialiser_isAProblemOfTheReport_andTheCheckerGoesOn() {
        assertFailedThenServes(initialiser, "init", "Init: a class initialiser fails",
                "ExceptionInInitializerError: static state of the pack");
    }

    @Test
    void aDeskSession_reportsTheError_andKeepsAnswering() {
        try (DeskSession desk = Factlint.checker(errors).openDesk()) {
            desk.add(RunawayRulesTest.doc("a", "deep"));
            assertThat(desk.problems()).extracting(CheckError::message)
                    .singleElement().asString().startsWith("rule failed with StackOverflowError");
        }
    }
}
