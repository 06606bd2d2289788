package org.factlint.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;
import org.junit.jupiter.api.Test;

/** How the placer keys parts for the check tasks: evenly by their weight, never two parts under one key. */
class PlacerTest {
    private static final int MAX = KeyGroupRangeAssignment.computeDefaultMaxParallelism(3);

    @Test
    void withTwoCheckTasks_equalPartsAreKeyedHalfToEachTask() {
        int[] claims = new int[40];
        Arrays.fill(claims, 2_000);

        double[] load = loads(claims, 2);

        assertThat(load[0]).isEqualTo(load[1]).isEqualTo(20 * Placer.weight(2_000));
    }

    @Test
    void theLargestPart_hasATaskToItself_whenTheOthersTogetherWeighLess() {
        int[] claims = {2_000, 9_000, 2_000, 2_000, 1_000};
        int[] key = Placer.keys(claims, 2, MAX);

        int big = task(key[1], 2);
        for (int b : new int[] {0, 2, 3, 4}) {
            assertThat(task(key[b], 2)).as("part %d", b).isNotEqualTo(big);
        }
    }

    @Test
    void withThreeCheckTasks_theTasksWithoutTheLargestPartDifferByLessThanOnePart() {
        int[] claims = new int[200];
        Arrays.setAll(claims, b -> b == 17 ? 30_000 : 1_000 + (b * 37) % 1_500);

        double[] load = loads(claims, 3);
        int[] key = Placer.keys(claims, 3, MAX);

        double largestSmall = Placer.weight(2_499);
        int big = task(key[17], 3);
        double[] others = java.util.stream.IntStream.range(0, 3).filter(t -> t != big).mapToDouble(t -> load[t])
                .toArray();
        assertThat(Math.abs(others[0] - others[1])).isLessThanOrEqualTo(largestSmall);
        assertThat(Arrays.stream(key).distinct().count()).isEqualTo(claims.length);
    }

    @Test
    void withOneCheckTaskOrAnUnknownParallelism_eachPartIsKeyedByItsNumber() {
        int[] claims = {5, 1, 9};

        assertThat(Placer.keys(claims, 1, MAX)).containsExactly(0, 1, 2);
        assertThat(Placer.keys(claims, 0, 0)).containsExactly(0, 1, 2);
    }

    private static double[] loads(int[] claims, int tasks) {
        int[] key = Placer.keys(claims, tasks, MAX);
        double[] load = new double[tasks];
        for (int b = 0; b < claims.length; b++) {
            load[task(key[b], tasks)] += Placer.weight(claims[b]);
        }
        return load;
    }

    private static int task(int key, int tasks) {
        return KeyGroupRangeAssignment.assignKeyToParallelOperator(key, MAX, tasks);
    }
}
