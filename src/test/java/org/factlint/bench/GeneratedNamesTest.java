package org.factlint.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.factlint.internal.Names;
import org.junit.jupiter.api.Test;

/**
 * The generated archive's people are as many as its ids: no reading of the name tables (readings.csv, the key's
 * skeleton) folds two generated names together, so the benchmarks and the Flink tests measure resolution, not
 * accidental joins. A convention added later that folds the generator's letters fails here, not as a difference
 * between a feed and a check.
 */
class GeneratedNamesTest {
    /** The entity pool of a 1M-claim archive (one entity per 20 claims), and the ids of places, groups and parties. */
    private static final int PEOPLE = 50_000;

    @Test
    void noTwoGeneratedPeople_shareAMatchingKey() {
        List<Integer> ids = new ArrayList<>();
        IntStream.range(0, PEOPLE).forEach(ids::add);
        IntStream.range(500_000, 502_000).forEach(ids::add); // places
        IntStream.range(900_000, 900_006).forEach(ids::add); // groups
        IntStream.range(1000, 1008).forEach(ids::add); // parties
        Map<String, Integer> owner = new HashMap<>();
        List<String> clashes = new ArrayList<>();
        for (int n : ids) {
            for (String k : Names.key(ArchiveGenerator.name(n)).full()) {
                Integer other = owner.putIfAbsent(k, n);
                if (other != null && other != n && clashes.size() < 20) {
                    clashes.add(ArchiveGenerator.name(other) + " / " + ArchiveGenerator.name(n) + " (" + k + ")");
                }
            }
        }
        assertThat(clashes).as("generated people that share a key").isEmpty();
    }

    @Test
    void aGeneratedVariantSpelling_sharesAKeyWithItsName() {
        for (int n : new int[] {0, 1, 7, 52, 999, 12_345}) {
            assertThat(Names.key(ArchiveGenerator.variant(n)).full())
                    .as("%s / %s", ArchiveGenerator.name(n), ArchiveGenerator.variant(n))
                    .containsAnyElementsOf(Names.key(ArchiveGenerator.name(n)).full());
        }
    }

    @Test
    void generatedNames_areSyllablesOfTheGeneratorsLetters() {
        assertThat(ArchiveGenerator.name(0)).isEqualTo("Ba Talav");
        assertThat(ArchiveGenerator.name(1)).isEqualTo("Da Taliv");
        assertThat(ArchiveGenerator.name(21)).isEqualTo("Bada Taliv");
        assertThat(IntStream.range(0, PEOPLE).mapToObj(ArchiveGenerator::name).distinct().count()).isEqualTo(PEOPLE);
    }
}
