package org.factlint.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;
import org.factlint.internal.JoinKeys;
import org.junit.jupiter.api.Test;

/** How the placer keys parts for the check tasks: evenly by their weight, never two parts under one key. */
class PlacerTest {
    private static final int MAX = KeyGroupRangeAssignment.computeDefaultMaxParallelism(3);

    @Test
    void withTwoCheckTasks_equalPartsAreKeyedHalfToEachTask() {
        int[] claims = new int[40];
        Arrays.fill(claims, 2_000);

        double[] load = loads(claims, 2);

        assertThat(load[0]).isEqualTo(load[1]).isEqualTo(20 * Placer.weight(2_000, 0));
    }

    @Test
    void theLargestPart_hasATaskToItself_whenTheOthersTogetherWeighLess() {
        int[] claims = {2_000, 9_000, 2_000, 2_000, 1_000};
        int[] key = Placer.keys(weights(claims), 2, MAX);

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
        int[] key = Placer.keys(weights(claims), 3, MAX);

        double largestSmall = Placer.weight(2_499, 0);
        int big = task(key[17], 3);
        double[] others = java.util.stream.IntStream.range(0, 3).filter(t -> t != big).mapToDouble(t -> load[t])
                .toArray();
        assertThat(Math.abs(others[0] - others[1])).isLessThanOrEqualTo(largestSmall);
        assertThat(Arrays.stream(key).distinct().count()).isEqualTo(claims.length);
    }

    @Test
    void withOneCheckTaskOrAnUnknownParallelism_eachPartIsKeyedByItsNumber() {
        int[] claims = {5, 1, 9};

        assertThat(Placer.keys(weights(claims), 1, MAX)).containsExactly(0, 1, 2);
        assertThat(Placer.keys(weights(claims), 0, 0)).containsExactly(0, 1, 2);
    }

    @Test
    void aPartsJoinPairs_areThePairsOfItsFactsThatShareAJoinedValue() {
        // ten claims under one value of a joining key: 45 pairs; ten under ten values: none
        assertThat(pairs(doc(10, JoinKeys.Role.JOIN, f -> 7))).isEqualTo(45);
        assertThat(pairs(doc(10, JoinKeys.Role.JOIN, f -> f))).isZero();
    }

    @Test
    void membersOfAValue_joinOnlyWhenTheValueHasAnAnchor() {
        Archive.DocKeys members = doc(4, JoinKeys.Role.MEMBER, f -> 7);
        Archive.DocKeys anchored = doc(5, f -> f == 0 ? JoinKeys.Role.ANCHOR : JoinKeys.Role.MEMBER, f -> 7);

        assertThat(pairs(members)).isZero();
        assertThat(pairs(anchored)).isEqualTo(10);
    }

    @Test
    void aPartWithManyJoinPairs_weighsMoreThanALargerPartWithFew() {
        assertThat(Placer.weight(10_000, 5_000_000)).isGreaterThan(Placer.weight(30_000, 0));
        assertThat(Placer.weight(2_000, 0)).isEqualTo(2_000);
    }

    private static long pairs(Archive.DocKeys doc) {
        Placer.Bins bins = Placer.bins(new java.util.ArrayList<>(java.util.List.of(doc)), l -> { }, 0, 0);
        assertThat(bins.pairs()).hasSize(1);
        return bins.pairs()[0];
    }

    private static Archive.DocKeys doc(int claims, JoinKeys.Role role, java.util.function.IntUnaryOperator value) {
        return doc(claims, f -> role, value);
    }

    /** A document of claims with one key value each. */
    private static Archive.DocKeys doc(int claims, java.util.function.IntFunction<JoinKeys.Role> role,
                                       java.util.function.IntUnaryOperator value) {
        Archive.DocKeys k = new Archive.DocKeys();
        k.start = new int[claims + 1];
        Arrays.setAll(k.start, f -> f);
        k.hi = new long[claims];
        k.lo = new long[claims];
        k.role = new byte[claims];
        k.claim = new boolean[claims];
        for (int f = 0; f < claims; f++) {
            k.hi[f] = value.applyAsInt(f);
            k.lo[f] = 31L * value.applyAsInt(f) + 1;
            k.role[f] = (byte) role.apply(f).ordinal();
            k.claim[f] = true;
        }
        return k;
    }

    private static double[] loads(int[] claims, int tasks) {
        int[] key = Placer.keys(weights(claims), tasks, MAX);
        double[] load = new double[tasks];
        for (int b = 0; b < claims.length; b++) {
            load[task(key[b], tasks)] += Placer.weight(claims[b], 0);
        }
        return load;
    }

    private static double[] weights(int[] claims) {
        return Arrays.stream(claims).mapToDouble(c -> Placer.weight(c, 0)).toArray();
    }

    private static int task(int key, int tasks) {
        return KeyGroupRangeAssignment.assignKeyToParallelOperator(key, MAX, tasks);
    }
}
