package org.factlint.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;
import org.junit.jupiter.api.Test;

/** How the placer keys parts for the check tasks: evenly by claims, never two parts under one key. */
class PlacerTest {
    private static final int MAX = KeyGroupRangeAssignment.computeDefaultMaxParallelism(2);

    @Test
    void withTwoCheckTasks_thePartsAreKeyedSoThatEachTaskGetsAsManyClaims() {
        int[] claims = {2_000, 9_000, 2_000, 2_000, 2_000, 1_000, 2_000};

        int[] key = Placer.keys(claims, 2, MAX);

        long[] load = new long[2];
        for (int b = 0; b < claims.length; b++) {
            load[KeyGroupRangeAssignment.assignKeyToParallelOperator(key[b], MAX, 2)] += claims[b];
        }
        // largest first, each to the emptier task: 9,000 + 1,000 on one, 2,000 x 5 on the other
        assertThat(load).containsExactly(10_000, 10_000);
        assertThat(Arrays.stream(key).distinct().count()).isEqualTo(claims.length);
    }

    @Test
    void withThreeCheckTasks_noTaskGetsMoreThanTheLargestPartAboveAnother() {
        int[] claims = new int[200];
        Arrays.setAll(claims, b -> b == 17 ? 30_000 : 1_000 + (b * 37) % 1_500);

        int[] key = Placer.keys(claims, 3, MAX);

        long[] load = new long[3];
        for (int b = 0; b < claims.length; b++) {
            load[KeyGroupRangeAssignment.assignKeyToParallelOperator(key[b], MAX, 3)] += claims[b];
        }
        long max = Arrays.stream(load).max().orElseThrow();
        long min = Arrays.stream(load).min().orElseThrow();
        assertThat(max - min).isLessThanOrEqualTo(2_500); // the largest of the small parts, not the 30,000 one
        assertThat(Arrays.stream(key).distinct().count()).isEqualTo(claims.length);
    }

    @Test
    void withOneCheckTaskOrAnUnknownParallelism_eachPartIsKeyedByItsNumber() {
        int[] claims = {5, 1, 9};

        assertThat(Placer.keys(claims, 1, MAX)).containsExactly(0, 1, 2);
        assertThat(Placer.keys(claims, 0, 0)).containsExactly(0, 1, 2);
    }
}
