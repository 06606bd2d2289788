package org.factlint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.factlint.model.Article;
import org.factlint.model.Claim;
import org.factlint.model.Document;
import org.factlint.model.Entity;
import org.factlint.model.Source;
import org.factlint.model.SourceKind;
import org.junit.jupiter.api.Test;

/**
 * Many claims about one event from one origin cost time linear in their number: the corroboration join of the
 * bundled pack is hashed on the event and the party, so no claim is compared with every other (before: 50,000 such
 * claims ran 115 s; 2,000 to 4,000 grew 2.95-fold). The time is the process's CPU time in a JVM of its own
 * ({@link CorroborationGrowth}, serial collector: inside the test JVM, parallel young collections of a growing live
 * set decide the ratio), the best of five interleaved runs after three warm-up rounds; it may grow at most 2.5-fold
 * when the input doubles, from 8,000 to 16,000 claims, in the least of up to three JVMs ({@link ChildJvm#leastGrowth}:
 * one JVM's steady state is slower than another's; a quadratic join grows ~4x in all). At 2,000 the fixed costs of a
 * check still decide the ratio, and from 4,000 to 8,000 the step from one session to a check in parts (from 5,000
 * claims) does.
 */
class CorroborationGrowthTest {
    private static final double MAX_GROWTH = 2.5;

    /** {@code n} articles of the same wire, each with one certain claim that Putin attended. */
    static List<Document> sameEventSameOrigin(int n) {
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            docs.add(new Document(new Article("a" + i, "wire", "Headline", null, null, null),
                    List.of(new Source("wire", "Wire", SourceKind.WIRE_AGENCY, null)),
                    List.of(new Entity("putin", "Vladimir Putin")),
                    List.of(Claim.builder("c1", "putin", "attend").build())));
        }
        return docs;
    }

    @Test
    void claimsAboutOneEventFromOneOrigin_areCheckedInLinearTime() throws Exception {
        ChildJvm.Growth growth = ChildJvm.leastGrowth(3, MAX_GROWTH,
                () -> CorroborationGrowth.cpuTimesInOwnJvm("8000"));
        assertThat(growth.least()).as("CPU time at 16,000 over at 8,000 claims, least of: %s", growth)
                .isLessThan(MAX_GROWTH);
    }

    /** The pack's corroboration rules with one rule that flags every corroborated claim. */
    static final String PROBE = """
            package org.factlint.rules;
            import java.util.List;
            import org.factlint.facts.ClaimFact;
            import org.factlint.facts.Corroboration;
            rule "Probe: corroborated"
                @code("T-CORROBORATED") @category("unconfirmed") @severity("low") @message("{claim} is corroborated.")
            when
                Corroboration( $id : claim )
                $c : ClaimFact( id == $id )
            then
                insertLogical( Flags.flag( kcontext, List.of( $c ), List.of() ) );
            end
            """;

    @Test
    void anIndependentOriginCorroborates_theSameOriginNever_andTheJoinPassesVerification() throws Exception {
        RulePack pack = RulePack.of("corroboration", java.util.Map.of("probe.drl", PROBE, "independence.drl",
                java.nio.file.Files.readString(java.nio.file.Path.of("rules/independence.drl"))), Trust.CHECKED);
        List<Document> docs = new ArrayList<>(sameEventSameOrigin(3));
        docs.add(new Document(new Article("other", "paper", "Headline", null, null, null),
                List.of(new Source("paper", "Paper", SourceKind.INDEPENDENT_MEDIA, null)),
                List.of(new Entity("putin", "Vladimir Putin")),
                List.of(Claim.builder("c1", "putin", "attend").build())));

        Report sameOnly = Factlint.checker(pack).check(sameEventSameOrigin(3));
        Report withOther = Factlint.checker(pack).check(docs);

        assertThat(corroborated(sameOnly)).isEmpty();
        assertThat(corroborated(withOther)).containsExactlyInAnyOrder("a0:c1", "a1:c1", "a2:c1", "other:c1");
    }

    private static List<String> corroborated(Report report) {
        return report.flags("T-CORROBORATED").stream().flatMap(f -> f.claims().stream()).distinct().toList();
    }
}
