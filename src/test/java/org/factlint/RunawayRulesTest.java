package org.factlint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.factlint.model.Article;
import org.factlint.model.Claim;
import org.factlint.model.Document;
import org.factlint.model.Entity;
import org.factlint.model.Source;
import org.factlint.model.SourceKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rule packs that loop, run slowly or throw: each is stopped, named in the report, and the checker goes on serving.
 * The misbehaviour is triggered only by claims with a given predicate, so one pack shows both the failure and the
 * normal service after it.
 */
class RunawayRulesTest {
    static final String HEADER = """
            package org.factlint.rules;
            import java.util.List;
            import org.factlint.facts.ClaimFact;
            """;
    /** A well-behaved rule, so a report shows the pack still works around the bad one. */
    static final String SEEN = """
            rule "Seen: every claim"
                @code("T-SEEN") @category("unconfirmed") @severity("low") @message("{claim} was seen.")
            when
                $c : ClaimFact()
            then
                insertLogical( Flags.flag( kcontext, List.of( $c ), List.of() ) );
            end
            """;
    static final String LOOP = HEADER + """
            declare Counter claim : String n : int end
            rule "Start counting"
            when
                $c : ClaimFact( predicate == "loop" )
            then
                insert( new Counter( $c.id(), 0 ) );
            end
            // modify without no-loop of a property the rule reads: re-activates itself for ever
            rule "Count for ever"
            when
                $n : Counter( n >= 0 )
                $c : ClaimFact( id == $n.getClaim() )
            then
                modify( $n ) { setN( $n.getN() + 1 ) }
            end
            """ + SEEN;
    static final String PING_PONG = HEADER + """
            declare Ping n : int end
            declare Pong n : int end
            rule "Serve" when ClaimFact( predicate == "ping" ) then insert( new Ping( 0 ) ); end
            // each rule's insert activates the other
            rule "Ping" when Ping( $n : n ) not Pong( n == $n ) then insert( new Pong( $n ) ); end
            rule "Pong" when Pong( $n : n ) not Ping( n == $n + 1 ) then insert( new Ping( $n + 1 ) ); end
            """ + SEEN;
    static final String SLOW = HEADER + """
            rule "Slow: 20 ms per claim"
            when
                $c : ClaimFact( predicate == "slow" )
            then
                Thread.sleep( 20 );
            end
            rule "Stuck: waits a minute"
            when
                $c : ClaimFact( predicate == "stuck" )
            then
                Thread.sleep( 60_000 );
            end
            """ + SEEN;
    static final String BOOM = HEADER + """
            rule "Boom: throws on some claims"
            when
                $c : ClaimFact( predicate == "boom" )
            then
                throw new IllegalStateException( "cannot handle " + $c.id() );
            end
            """ + SEEN;

    static RulePack loop;
    static RulePack pingPong;
    static RulePack slow;
    static RulePack boom;

    @BeforeAll
    static void compile() {
        loop = RulePack.of("loop", Map.of("loop.drl", LOOP));
        pingPong = RulePack.of("ping-pong", Map.of("ping-pong.drl", PING_PONG));
        slow = RulePack.of("slow", Map.of("slow.drl", SLOW), Trust.TRUSTED); // sleeping needs Thread
        boom = RulePack.of("boom", Map.of("boom.drl", BOOM));
    }

    static Document doc(String article, String... predicates) {
        List<Claim> claims = new java.util.ArrayList<>();
        for (int i = 0; i < predicates.length; i++) {
            claims.add(Claim.builder("c" + (i + 1), "putin", predicates[i]).build());
        }
        return new Document(new Article(article, "wire", "Headline", null, null, null),
                List.of(new Source("wire", "Wire", SourceKind.WIRE_AGENCY, null)),
                List.of(new Entity("putin", "Vladimir Putin")), claims);
    }

    @Test
    void stopsARuleThatModifiesItselfForEver_atTheFiringLimit_andNamesIt() {
        Checker checker = Factlint.checker(loop, CheckerOptions.defaults().withMaxFirings(10_000));

        Report report = checker.check(doc("a", "attend", "loop"));

        assertThat(report.complete()).isFalse();
        assertThat(report.problems()).hasSize(1);
        CheckError problem = report.problems().get(0);
        assertThat(problem.kind()).isEqualTo(CheckError.Kind.FIRING_LIMIT);
        assertThat(problem.rule()).isEqualTo("Count for ever");
        assertThat(problem.claims()).containsExactly("a:c2");
        assertThat(problem.message()).startsWith("stopped at the firing limit of 10,000 (\"Count for ever\" fired ");
        assertThat(report.read()).isEqualTo(report.accepted() + report.rejected());
    }

    @Test
    void keepsServing_afterARunawayCheck() {
        Checker checker = Factlint.checker(loop, CheckerOptions.defaults().withMaxFirings(10_000));
        checker.check(doc("a", "loop"));

        Report next = checker.check(doc("b", "attend", "say"));

        assertThat(next.complete()).isTrue();
        assertThat(next.flags()).extracting(Flag::claims).containsExactly(List.of("b:c1"), List.of("b:c2"));
    }

    @Test
    void stopsTwoRulesThatActivateEachOther_andNamesBoth() {
        Checker checker = Factlint.checker(pingPong,
                // a time limit far out of reach: at load 20 the 5,000 firings once took longer than the default 30 s
                CheckerOptions.defaults().withMaxFirings(5_000).withTimeLimit(Duration.ofMinutes(5)));

        Report report = checker.check(doc("a", "ping"));

        CheckError problem = report.problems().get(0);
        assertThat(problem.kind()).isEqualTo(CheckError.Kind.FIRING_LIMIT);
        assertThat(problem.rule()).isIn("Ping", "Pong");
        assertThat(problem.message()).contains("\"Ping\" fired 2,500 times", "\"Pong\" fired 2,500 times");
    }

    @Test
    void allowsExactlyTheFiringLimit() {
        // "Seen" fires once per claim: three claims need three firings.
        Report atLimit = Factlint.checker(loop, CheckerOptions.defaults().withMaxFirings(3))
                .check(doc("a", "attend", "say", "go"));
        Report over = Factlint.checker(loop, CheckerOptions.defaults().withMaxFirings(2))
                .check(doc("a", "attend", "say", "go"));

        assertThat(atLimit.complete()).isTrue();
        assertThat(atLimit.flags()).hasSize(3);
        assertThat(over.problems()).extracting(CheckError::kind).containsExactly(CheckError.Kind.FIRING_LIMIT);
    }

    @Test
    void stopsASlowPack_atTheTimeLimit_andNamesTheRule() {
        Checker checker = Factlint.checker(slow, CheckerOptions.defaults().withTimeLimit(Duration.ofMillis(300)));
        String[] predicates = new String[100];
        java.util.Arrays.fill(predicates, "slow");

        Report report = checker.check(doc("a", predicates)); // 100 x 20 ms would take 2 s

        assertThat(report.problems()).hasSize(1);
        CheckError problem = report.problems().get(0);
        assertThat(problem.kind()).isEqualTo(CheckError.Kind.TIME_LIMIT);
        assertThat(problem.rule()).isEqualTo("Slow: 20 ms per claim");
        assertThat(problem.message()).startsWith("stopped at the time limit of 300 ms after ");
        assertThat(Thread.currentThread().isInterrupted()).as("the caller's thread is left uninterrupted").isFalse();
    }

    @Test
    void wakesAConsequenceBlockedInASleep_atTheTimeLimit() {
        Checker checker = Factlint.checker(slow, CheckerOptions.defaults().withTimeLimit(Duration.ofMillis(200)));
        long start = System.nanoTime();

        Report report = checker.check(doc("a", "stuck", "attend"));

        // A liveness bound, not a speed measure: without the interrupt this check would take a minute.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
        assertThat(report.problems()).extracting(CheckError::kind, CheckError::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(CheckError.Kind.TIME_LIMIT, "Stuck: waits a minute"));
        assertThat(report.problems().get(0).claims()).containsExactly("a:c1");
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        assertThat(checker.check(doc("b", "attend")).complete()).isTrue();
    }

    @Test
    void turnsAnExceptionInAConsequenceIntoAnErrorNamingTheRuleAndClaims_andFiresTheOtherRules() {
        Checker checker = Factlint.checker(boom);

        Report report = checker.check(doc("a", "attend", "boom", "say", "boom"));

        assertThat(report.problems()).extracting(CheckError::toString).containsExactlyInAnyOrder(
                "rule \"Boom: throws on some claims\" (boom.drl:4): threw IllegalStateException: cannot handle a:c2 on a:c2",
                "rule \"Boom: throws on some claims\" (boom.drl:4): threw IllegalStateException: cannot handle a:c4 on a:c4");
        assertThat(report.problems()).allSatisfy(p -> assertThat(p.kind()).isEqualTo(CheckError.Kind.RULE_FAILED));
        assertThat(report.problems()).flatExtracting(CheckError::claims).containsExactlyInAnyOrder("a:c2", "a:c4");
        assertThat(report.flags()).hasSize(4); // "Seen" fired for every claim despite the exceptions
        assertThat(checker.check(doc("b", "attend")).complete()).isTrue();
    }

    @Test
    void keepsADeskSessionAnswering_afterARunawayAdd_andReportsTheLoopAgainUntilClosed() {
        Checker checker = Factlint.checker(loop, CheckerOptions.defaults().withMaxFirings(1_000));
        try (DeskSession desk = checker.openDesk()) {
            desk.add(doc("a", "attend"));
            assertThat(desk.problems()).isEmpty();

            desk.add(doc("b", "loop"));
            assertThat(desk.problems()).extracting(CheckError::kind).containsExactly(CheckError.Kind.FIRING_LIMIT);

            // The looping activation stays in the session: each later add is stopped and reported again.
            List<Flag> flags = desk.add(doc("c", "say"));
            assertThat(desk.problems()).extracting(CheckError::rule).containsExactly("Count for ever", "Count for ever");
            assertThat(flags).extracting(f -> f.claims().get(0)).contains("a:c1");
            assertThat(desk.documents()).isEqualTo(3);
        }
        try (DeskSession fresh = checker.openDesk()) {
            assertThat(fresh.add(doc("c", "say"))).hasSize(1);
            assertThat(fresh.problems()).isEmpty();
        }
    }

    @Test
    void writesTheProblemsIntoTheTextAndJsonReports() {
        Report report = Factlint.checker(boom).check(doc("a", "boom"));

        assertThat(org.factlint.io.ReportWriter.text(report)).contains(System.lineSeparator()
                + "rule error: rule \"Boom: throws on some claims\" (boom.drl:4): threw IllegalStateException: cannot handle a:c1"
                + " on a:c1" + System.lineSeparator());
        assertThat(org.factlint.io.ReportWriter.json(report)).contains("\"problems\" : [ {", "\"kind\" : \"RULE_FAILED\"",
                "\"rule\" : \"Boom: throws on some claims\"", "\"claims\" : [ \"a:c1\" ]");
    }

    @Test
    void checksTheSeedsCompletely_withTheDefaultLimits() throws java.io.IOException {
        Report report = Factlint.checker().check(Factlint.read(java.nio.file.Path.of("seeds/moscow-times.claims.json"),
                java.nio.file.Path.of("seeds/constructed-followup.claims.json")));

        assertThat(report.complete()).isTrue();
        assertThat(report.flags()).isNotEmpty();
    }

    @Test
    void growsTheLimitsWithTheClaimsChecked_soLargeBatchesAreNotCutShort() {
        // "Seen" fires once per claim: 40 firings for 40 claims
        Document forty = doc("a", java.util.Collections.nCopies(40, "ok").toArray(String[]::new));
        CheckerOptions perClaim = new CheckerOptions(10, Duration.ofSeconds(30), 1, Duration.ZERO);

        assertThat(perClaim.firingLimit(40)).isEqualTo(50);
        assertThat(Factlint.checker(loop, perClaim).check(forty).complete()).isTrue();
        assertThat(Factlint.checker(loop, perClaim.withMaxFirings(10)).check(forty).problems())
                .extracting(CheckError::kind).containsExactly(CheckError.Kind.FIRING_LIMIT);
        assertThat(CheckerOptions.defaults().timeLimit(1_000_000)).isEqualTo(Duration.ofSeconds(1_030));
        assertThat(CheckerOptions.defaults().withTimeLimit(Duration.ofSeconds(5)).timeLimit(1_000_000))
                .isEqualTo(Duration.ofSeconds(5));
    }
}
