package org.factlint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pack one does not trust at all runs in a child JVM: when it fills the heap or spins for ever, only the child
 * ends; the caller gets a report that says what happened and the next check is served by a new child. One child
 * (and its restarts) for the whole class: each start compiles the pack in a cold JVM.
 */
class IsolatedCheckerTest {
    /** A trusted pack (it is code): each misbehaviour is triggered by one predicate, every claim is seen. */
    static final String HOSTILE = RunawayRulesTest.HEADER + """
            rule "Hog: fills the heap"
            when
                $c : ClaimFact( predicate == "hog" )
            then
                List<long[]> hoard = new java.util.ArrayList<>();
                for ( long i = 0; i >= 0; i++ ) { hoard.add( new long[ 1024 ] ); }
            end
            rule "Spin: never returns, ignores interrupts"
            when
                $c : ClaimFact( predicate == "spin" )
            then
                long n = 1;
                while ( n > 0 ) { n = n | 1; }
            end
            rule "Env: what the pack sees of the caller's environment"
                @code("T-ENV") @category("unconfirmed") @severity("low") @message("{claim} saw the environment.")
            when
                $c : ClaimFact( predicate == "env" )
            then
                insertLogical( Flags.flag( kcontext, List.of( $c ), List.of( "env=" + System.getenv().size() ) ) );
            end
            """ + RunawayRulesTest.SEEN;
    /** The kill of the spin test. */
    private static final Duration KILL_AFTER = Duration.ofSeconds(20);
    /**
     * The kill of every other test, out of the heap test's reach: its child must run out of memory, and at load 20
     * on JDK 25 a 96 MB heap once took longer to fill than a 6 s kill (each limit is tested with the other far off).
     */
    private static final Duration FAR_OFF = Duration.ofMinutes(10);

    @TempDir
    static Path dir;
    private static IsolatedChecker checker;
    private static IsolatedChecker spinner;

    @BeforeAll
    static void startTheChildren() throws IOException {
        Files.writeString(dir.resolve("hostile.drl"), HOSTILE);
        checker = Factlint.isolated(dir, Trust.TRUSTED,
                Isolation.defaults().withMemoryMegabytes(96).withTimeLimit(FAR_OFF));
        // the heap is out of the spin test's reach: a spin allocates nothing
        spinner = Factlint.isolated(dir, Trust.TRUSTED,
                Isolation.defaults().withMemoryMegabytes(96).withTimeLimit(KILL_AFTER));
    }

    @AfterAll
    static void endTheChildren() {
        for (IsolatedChecker c : new IsolatedChecker[] {checker, spinner}) {
            if (c != null) {
                c.close();
            }
        }
    }

    @Test
    void aPackThatFillsTheHeap_endsOnlyTheChild_andTheNextCheckIsServed() {
        long pid = checker.pid();
        int starts = checker.starts();

        Report report = checker.check(RunawayRulesTest.doc("a", "attend", "hog"));

        assertThat(report.complete()).isFalse();
        assertThat(report.flags()).isEmpty();
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(CheckError.Kind.RULE_FAILED);
            assertThat(p.message()).isEqualTo("the isolated check ran out of memory (the child JVM's heap is capped"
                    + " at 96 MB, Isolation.memoryMegabytes) and its JVM ended; a new one serves the next check");
        });
        assertThat(report.claims()).isEqualTo(2);
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("the old child").isFalse();

        Report next = checker.check(RunawayRulesTest.doc("b", "attend"));
        assertThat(next.problems()).isEmpty();
        assertThat(next.flags()).extracting(Flag::code).containsExactly("T-SEEN");
        assertThat(checker.starts()).isEqualTo(starts + 1);
    }

    @Test
    void aPackThatSpinsForEver_isKilledAtItsWallClockLimit_andTheNextCheckIsServed() {
        long pid = spinner.pid();
        int starts = spinner.starts();

        long start = System.nanoTime();
        Report report = spinner.check(RunawayRulesTest.doc("a", "spin"));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(report.complete()).isFalse();
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(CheckError.Kind.TIME_LIMIT);
            assertThat(p.message()).isEqualTo("the isolated check was killed after 20,000 ms, its wall-clock limit"
                    + " (Isolation.timeLimit); a new child JVM serves the next check");
        });
        assertThat(took).isBetween(KILL_AFTER, KILL_AFTER.plusSeconds(20));
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("the old child").isFalse();

        Report next = spinner.check(RunawayRulesTest.doc("b", "attend", "attend"));
        assertThat(next.problems()).isEmpty();
        assertThat(next.flags()).extracting(Flag::code).containsExactly("T-SEEN", "T-SEEN");
        assertThat(spinner.starts()).isEqualTo(starts + 1);
    }

    @Test
    void theChildInheritsNoneOfTheCallersEnvironment() {
        assumeTrue(!System.getenv().isEmpty(), "the test JVM has an environment to leak");

        Report report = checker.check(RunawayRulesTest.doc("e", "env"));

        assertThat(report.flags("T-ENV")).singleElement()
                .satisfies(f -> assertThat(f.evidence()).containsExactly("env=0"));
    }

    @Test
    void badInputIsCountedWithTheChildsReport() {
        Batch batch = Factlint.parse("[" + org.factlint.io.DocumentWriter.jsonLine(RunawayRulesTest.doc("g", "attend"))
                + ", {\"article\": 7}]");

        Report report = checker.check(batch);

        assertThat(report.read()).isEqualTo(2);
        assertThat(report.accepted()).isEqualTo(1);
        assertThat(report.rejected()).isEqualTo(1);
        assertThat(report.errors()).isEqualTo(batch.errors());
        assertThat(report.flags()).extracting(f -> f.claims().get(0)).containsExactly("g:c1");
    }

    @Test
    void aCheckedPackThatFailsVerification_isRefusedWithTheVerifiersWords(@TempDir Path other) throws IOException {
        Files.writeString(other.resolve("hostile.drl"), HOSTILE);

        assertThatThrownBy(() -> Factlint.isolated(other, Trust.CHECKED, Isolation.defaults()))
                .isInstanceOf(RulePackException.class)
                .hasMessageContaining("hostile.drl:");
    }
}
