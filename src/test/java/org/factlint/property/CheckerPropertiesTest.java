package org.factlint.property;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.factlint.Checker;
import org.factlint.Factlint;
import org.factlint.Flag;
import org.factlint.Report;
import org.factlint.model.Document;
import org.factlint.model.Source;

/**
 * Properties of the checker over random valid claim sets. The bundled pack is compiled once for the class; 200 tries
 * per property keep the suite quick.
 */
class CheckerPropertiesTest {
    static final Checker CHECKER = Factlint.checker();

    @Provide
    Arbitrary<List<Document>> documentSets() {
        return Claims.documentSets();
    }

    static Set<String> claimIds(List<Document> docs) {
        return docs.stream().flatMap(d -> d.claims().stream().map(c -> d.qualify(c.id()))).collect(Collectors.toSet());
    }

    @Property(tries = 200)
    void checksEveryValidSet_completely_withCountsThatAddUp(@ForAll("documentSets") List<Document> docs) {
        Report report = CHECKER.check(docs); // anything thrown here fails the property

        assertThat(report.complete()).as("rule problems: %s", report.problems()).isTrue();
        assertThat(report.read()).isEqualTo(docs.size());
        assertThat(report.accepted()).isEqualTo(docs.size());
        assertThat(report.rejected()).isZero();
        assertThat(report.claims()).isEqualTo(claimIds(docs).size());
        Statistics.label("flags").collect(report.flags().isEmpty() ? "none" : report.flags().size() < 5 ? "1-4" : "5+");
        Statistics.label("codes").collect(report.flags().stream().map(Flag::code).distinct().count() > 1
                ? "several" : "at most one");
    }

    @Property(tries = 200)
    void givesTheSameFlagsInTheSameOrder_forTheSameInput(@ForAll("documentSets") List<Document> docs) {
        List<Flag> first = CHECKER.check(docs).flags();
        List<Flag> second = CHECKER.check(docs).flags();

        assertThat(second).containsExactlyElementsOf(first);
    }

    @Property(tries = 200)
    void givesTheSameFlags_whateverTheOrderOfTheDocuments(@ForAll("documentSets") List<Document> docs,
                                                          @ForAll long seed) {
        List<Document> shuffled = new ArrayList<>(docs);
        Collections.shuffle(shuffled, new Random(seed));

        Report inOrder = CHECKER.check(docs);
        Report reordered = CHECKER.check(shuffled);

        assertThat(reordered.flags()).containsExactlyInAnyOrderElementsOf(inOrder.flags());
    }

    @Property(tries = 200)
    void namesOnlyClaimsAndSourcesThatWereGiven(@ForAll("documentSets") List<Document> docs) {
        Set<String> claims = claimIds(docs);
        Set<String> sources = docs.stream().flatMap(d -> d.sources().stream()).map(Source::id)
                .collect(Collectors.toSet());

        for (Flag flag : CHECKER.check(docs).flags()) {
            assertThat(flag.claims()).as(flag.code()).isNotEmpty().isSubsetOf(claims);
            assertThat(flag.sources()).as(flag.code()).isSubsetOf(sources);
        }
    }
}
