package org.factlint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.factlint.model.Article;
import org.factlint.model.Claim;
import org.factlint.model.Document;
import org.factlint.model.Entity;
import org.factlint.model.Qualifier;
import org.factlint.model.Source;
import org.factlint.model.SourceKind;
import org.junit.jupiter.api.Test;

/**
 * Many claims about one event from one origin, with figures, values and both polarities, cost time linear in their
 * number: the figure, value and polarity rules of the bundled pack meet an event's other origins first ({@code Told},
 * one per event and origin) and then only those origins' claims, so claims of one origin are never paired (before:
 * every pair was made and dropped on its origin: 2,000 such claims took 2.0 s of CPU, 4,000 ran past the 34 s time
 * limit; now 160 ms and 270 ms). Measured as {@link CorroborationGrowthTest} measures: the process's CPU time in a JVM
 * of its own, best of five interleaved runs after three warm-up rounds, at most 2.5-fold when the input doubles from
 * 8,000 to 16,000 claims, in the least of up to three JVMs.
 */
class ContradictionGrowthTest {
    private static final double MAX_GROWTH = 2.5;

    /**
     * {@code n} articles of one wire, each with one claim about the parade's participants: every claim a figure and a
     * value no other claim gives, half of them negated, so any two from different origins would contradict.
     */
    static List<Document> sameEventSameOrigin(int n) {
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            docs.add(document("a" + i, "wire", i));
        }
        return docs;
    }

    private static Document document(String article, String origin, int i) {
        Claim.Builder claim = Claim.builder("c1", "parade", "participants").value("group " + i)
                .quantity(10.0 * (i + 1), "delegations", Qualifier.EXACT);
        if (i % 2 == 1) {
            claim.negated();
        }
        return new Document(new Article(article, origin, "Headline", null, null, null),
                List.of(new Source(origin, origin, SourceKind.WIRE_AGENCY, null)),
                List.of(new Entity("parade", "the Victory Day parade")), List.of(claim.build()));
    }

    @Test
    void contradictionsBetweenClaimsOfOneOrigin_areNotPairedAtAll_soTheCheckIsLinear() throws Exception {
        ChildJvm.Growth growth = ChildJvm.leastGrowth(3, MAX_GROWTH,
                () -> CorroborationGrowth.cpuTimesInOwnJvm("8000", "contradictions"));
        assertThat(growth.least()).as("CPU time at 16,000 over at 8,000 claims, least of: %s", growth)
                .isLessThan(MAX_GROWTH);
    }

    @Test
    void oneOriginNeverContradictsItself_anotherOriginContradictsEachOfItsClaims() {
        List<Document> same = sameEventSameOrigin(6);
        List<Document> withOther = new ArrayList<>(same);
        withOther.add(document("other", "paper", 100)); // affirmed, figure 1,010, value "group 100"

        Report sameOnly = Factlint.checker().check(same);
        Report both = Factlint.checker().check(withOther);

        assertThat(sameOnly.flags()).filteredOn(f -> f.category() == Category.CONTRADICTION).isEmpty();
        // the paper's claim against each wire claim: the figures (rank 4) say most, one flag per pair
        assertThat(both.flags("CON-NUMERIC")).extracting(Flag::claims).containsExactlyInAnyOrder(
                List.of("a0:c1", "other:c1"), List.of("a1:c1", "other:c1"), List.of("a2:c1", "other:c1"),
                List.of("a3:c1", "other:c1"), List.of("a4:c1", "other:c1"), List.of("a5:c1", "other:c1"));
        assertThat(both.flags()).filteredOn(f -> f.category() == Category.CONTRADICTION).hasSize(6);
    }
}
