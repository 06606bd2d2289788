package org.factlint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the untrusted profile cannot refuse: work exponential in a consequence's length. Without loops a checked pack
 * still makes a list of two copies of the list before it, 63 times, in 63 statements; its {@code hashCode} (called
 * here, and called implicitly by a {@code HashSet}, a {@code ==} join or a string concatenation) visits 2^63 nodes:
 * one call no in-process time limit can stop. The verifier accepts the pack (so this test fails the day the profile
 * refuses it, and SECURITY.md must then change); isolated mode contains it: the child JVM is killed at its
 * wall-clock limit and the next check is served by a new child.
 */
class ExponentialWorkTest {
    static final String PACK = RunawayRulesTest.HEADER + """
            rule "Exponential: a hash over a list of lists of the same list, 63 deep"
            when
                $c : ClaimFact( predicate == "explode" )
            then
                List<Object> a0 = List.of( $c, $c );
                List<Object> a1 = List.of( a0, a0 );
                List<Object> a2 = List.of( a1, a1 );
                List<Object> a3 = List.of( a2, a2 );
                List<Object> a4 = List.of( a3, a3 );
                List<Object> a5 = List.of( a4, a4 );
                List<Object> a6 = List.of( a5, a5 );
                List<Object> a7 = List.of( a6, a6 );
                List<Object> a8 = List.of( a7, a7 );
                List<Object> a9 = List.of( a8, a8 );
                List<Object> a10 = List.of( a9, a9 );
                List<Object> a11 = List.of( a10, a10 );
                List<Object> a12 = List.of( a11, a11 );
                List<Object> a13 = List.of( a12, a12 );
                List<Object> a14 = List.of( a13, a13 );
                List<Object> a15 = List.of( a14, a14 );
                List<Object> a16 = List.of( a15, a15 );
                List<Object> a17 = List.of( a16, a16 );
                List<Object> a18 = List.of( a17, a17 );
                List<Object> a19 = List.of( a18, a18 );
                List<Object> a20 = List.of( a19, a19 );
                List<Object> a21 = List.of( a20, a20 );
                List<Object> a22 = List.of( a21, a21 );
                List<Object> a23 = List.of( a22, a22 );
                List<Object> a24 = List.of( a23, a23 );
                List<Object> a25 = List.of( a24, a24 );
                List<Object> a26 = List.of( a25, a25 );
                List<Object> a27 = List.of( a26, a26 );
                List<Object> a28 = List.of( a27, a27 );
                List<Object> a29 = List.of( a28, a28 );
                List<Object> a30 = List.of( a29, a29 );
                List<Object> a31 = List.of( a30, a30 );
                List<Object> a32 = List.of( a31, a31 );
                List<Object> a33 = List.of( a32, a32 );
                List<Object> a34 = List.of( a33, a33 );
                List<Object> a35 = List.of( a34, a34 );
                List<Object> a36 = List.of( a35, a35 );
                List<Object> a37 = List.of( a36, a36 );
                List<Object> a38 = List.of( a37, a37 );
                List<Object> a39 = List.of( a38, a38 );
                List<Object> a40 = List.of( a39, a39 );
                List<Object> a41 = List.of( a40, a40 );
                List<Object> a42 = List.of( a41, a41 );
                List<Object> a43 = List.of( a42, a42 );
                List<Object> a44 = List.of( a43, a43 );
                List<Object> a45 = List.of( a44, a44 );
                List<Object> a46 = List.of( a45, a45 );
                List<Object> a47 = List.of( a46, a46 );
                List<Object> a48 = List.of( a47, a47 );
                List<Object> a49 = List.of( a48, a48 );
                List<Object> a50 = List.of( a49, a49 );
                List<Object> a51 = List.of( a50, a50 );
                List<Object> a52 = List.of( a51, a51 );
                List<Object> a53 = List.of( a52, a52 );
                List<Object> a54 = List.of( a53, a53 );
                List<Object> a55 = List.of( a54, a54 );
                List<Object> a56 = List.of( a55, a55 );
                List<Object> a57 = List.of( a56, a56 );
                List<Object> a58 = List.of( a57, a57 );
                List<Object> a59 = List.of( a58, a58 );
                List<Object> a60 = List.of( a59, a59 );
                List<Object> a61 = List.of( a60, a60 );
                List<Object> a62 = List.of( a61, a61 );
                int h = a62.hashCode();
            end
            """ + RunawayRulesTest.SEEN;
    private static final Duration KILL_AFTER = Duration.ofSeconds(6);

    @Test
    void aCheckedPackWithExponentialWork_passesVerification() {
        RulePack pack = RulePack.of("exponential", Map.of("exponential.drl", PACK));

        assertThat(pack.rules()).hasSize(2); // loaded with the default trust, Trust.CHECKED: verified and compiled
    }

    @Test
    void inIsolatedMode_itIsKilledAtTheWallClockLimit_andTheNextCheckIsServed(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("exponential.drl"), PACK);
        try (IsolatedChecker checker = Factlint.isolated(dir, Trust.CHECKED,
                Isolation.defaults().withoutCanary().withTimeLimit(KILL_AFTER))) {
            int starts = checker.starts();

            Report report = checker.check(RunawayRulesTest.doc("a", "explode"));

            assertThat(report.complete()).isFalse();
            assertThat(report.problems()).singleElement().satisfies(p -> {
                assertThat(p.kind()).isEqualTo(CheckError.Kind.TIME_LIMIT);
                assertThat(p.message()).startsWith("the isolated check was killed after 6,000 ms");
            });
            Report next = checker.check(RunawayRulesTest.doc("b", "attend"));
            assertThat(next.problems()).isEmpty();
            assertThat(next.flags()).extracting(Flag::code).containsExactly("T-SEEN");
            assertThat(checker.starts()).isEqualTo(starts + 1);
        }
    }
}
