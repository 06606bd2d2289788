package org.factlint.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.function.IntFunction;
import org.factlint.Batch;
import org.junit.jupiter.api.Test;

/**
 * Hostile input costs time linear in its size: each input is read at n and 2n, and the time may grow at most
 * 2.5-fold (a ratio, never a wall-clock limit: the reading thread's CPU time, the best of a few interleaved runs
 * after a warm-up, so a shared machine's noise does not decide). Before the fix, 4,000 undeclared subjects took
 * 70 s: every error re-parsed the document.
 */
class InputGrowthTest {
    private static final double MAX_GROWTH = 2.5;
    /** The reading thread's CPU time: the other engineers' builds on the same cores do not count. */
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    private static long once(byte[] bytes, java.util.function.Function<byte[], Batch> read, int expectedErrors) {
        System.gc(); // a collection inside one run only would decide the ratio
        long start = CPU.getCurrentThreadCpuTime();
        Batch batch = read.apply(bytes);
        long took = CPU.getCurrentThreadCpuTime() - start;
        assertThat(batch.errors()).hasSize(expectedErrors);
        return took;
    }

    /** The best of five interleaved runs at n and 2n must grow less than 2.5-fold. */
    private static void assertLinear(IntFunction<byte[]> input, int n, java.util.function.Function<byte[], Batch> read) {
        byte[] smallInput = input.apply(n);
        byte[] largeInput = input.apply(2 * n);
        for (int warm = 0; warm < 1; warm++) { // warm-up: the JIT compiles the reading path
            once(smallInput, read, n);
            once(largeInput, read, 2 * n);
        }
        long small = Long.MAX_VALUE;
        long large = Long.MAX_VALUE;
        for (int run = 0; run < 5; run++) {
            small = Math.min(small, once(smallInput, read, n));
            large = Math.min(large, once(largeInput, read, 2 * n));
        }
        double growth = (double) large / small;
        assertThat(growth).as("time at %,d / time at %,d (%,d ms / %,d ms)", 2 * n, n, large / 1_000_000,
                small / 1_000_000).isLessThan(MAX_GROWTH);
    }

    /** Lines that are JSON but not claims documents: each is read, refused and located on its own. */
    private static byte[] badLines(int n) {
        return "{\"article\": 1}\n".repeat(n).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] undeclaredSubjects(int n) {
        StringBuilder sb = new StringBuilder("{\"article\":{\"id\":\"a\",\"outlet\":\"w\",\"headline\":\"h\"},"
                + "\"sources\":[{\"id\":\"w\",\"name\":\"Wire\",\"kind\":\"wire_agency\"}],\"entities\":[],\"claims\":[");
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ",\n").append("{\"id\":\"c").append(i).append("\",\"text\":\"t\",\"subject\":\"u")
                    .append(i).append("\",\"predicate\":\"say\"}");
        }
        return sb.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void jsonLinesOfBadDocuments_areEachRefusedAndLocated() {
        Batch batch = DocumentReader.readLines("bad.jsonl", badLines(1_000));
        assertThat(batch.read()).isEqualTo(1_000);
        assertThat(batch.rejected()).isEqualTo(1_000);
        assertThat(batch.errors().get(999).line()).isEqualTo(1_000);
    }

    @Test
    void aDocumentWithThousandsOfUndeclaredSubjects_isLocatedInLinearTime() {
        assertLinear(InputGrowthTest::undeclaredSubjects, 4_000, b -> DocumentReader.readJson("subjects.json", b));
    }

    @Test
    void everyUndeclaredSubject_isLocatedAtItsOwnLine() {
        Batch batch = DocumentReader.readJson("subjects.json", undeclaredSubjects(3));
        assertThat(batch.errors()).extracting(e -> e.line() + ":" + e.path()).containsExactly(
                "1:$.claims[0].subject", "2:$.claims[1].subject", "3:$.claims[2].subject");
    }
}
