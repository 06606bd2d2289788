package org.factlint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The time limit holds even when the engine is inside one long evaluation, where halting between firings cannot
 * reach: the caller gets its report within twice the limit, and the checker serves the next check.
 */
class AbandonedCheckTest {
    /** A condition that spins 1.5 s per claim and ignores interrupts: no firing boundary for the watchdog to use. */
    static final String SLOW_JOIN = RunawayRulesTest.HEADER + """
            function boolean slow( String predicate ) {
                if ( !predicate.equals( "slow" ) ) {
                    return true;
                }
                long end = System.nanoTime() + 1_500_000_000L;
                while ( System.nanoTime() < end ) { }
                return true;
            }
            rule "Slow join"
            when
                $a : ClaimFact()
                eval( slow( $a.predicate() ) )
            then
            end
            """ + RunawayRulesTest.SEEN;

    @Test
    void aCheckStuckInsideOneEvaluation_isAbandonedAtTwiceItsTimeLimit() {
        RulePack pack = RulePack.of("slow-join", Map.of("slow.drl", SLOW_JOIN), Trust.TRUSTED); // it loops
        Checker checker = Factlint.checker(pack, CheckerOptions.defaults().withTimeLimit(Duration.ofMillis(200)));

        long start = System.nanoTime();
        Report report = checker.check(RunawayRulesTest.doc("a", "slow", "slow", "slow", "slow"));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).as("returned long before the 6 s the evaluations take").isLessThan(Duration.ofSeconds(3));
        assertThat(report.complete()).isFalse();
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(CheckError.Kind.TIME_LIMIT);
            assertThat(p.message()).startsWith("the check was abandoned after 400 ms, twice its time limit");
        });
        // the pack serves on (with room to spare: the abandoned check still spins on a core meanwhile)
        Report next = checker.withOptions(CheckerOptions.defaults()).check(RunawayRulesTest.doc("b", "attend"));
        assertThat(next.problems()).isEmpty();
        assertThat(next.flags()).extracting(Flag::code).containsExactly("T-SEEN");
    }
}
