package org.factlint.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;

import org.factlint.ChildJvm;

import org.junit.jupiter.api.Test;

/**
 * Time in proportion to the length of a text, and memory that does not grow with the number of articles read,
 * asserted as ratios between two sizes (never as a wall-clock limit). Time is the CPU time of the reading thread, so
 * other work on the machine does not count.
 */
class GrowthTest {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    @Test
    void fourTimesTheText_takesAboutFourTimesTheTime() throws Exception {
        // in a JVM of its own: in this one, after the rest of the suite, the 4x text once took 9x the time (3,064 ms
        // against 342 ms) where it takes 3.8-4.0x alone
        long[] cpu = ChildJvm.twoNumbers(ChildJvm.run(TextGrowth.class,
                List.of("-Xms3g", "-Xmx3g", "-XX:+UseSerialGC"), "96"));
        double ratio = (double) cpu[1] / cpu[0];
        System.out.printf("text growth: 96 KB %d ms, 384 KB %d ms CPU: %.2fx%n", cpu[0] / 1_000_000,
                cpu[1] / 1_000_000, ratio);
        // linear gives 4 (more on a loaded machine); a quadratic step anywhere would give up to 16
        assertThat(ratio).as("CPU time of a 384 KB text over a 96 KB one (%d ms / %d ms)", cpu[1] / 1_000_000,
                cpu[0] / 1_000_000).isBetween(1.5, 8.0);
    }

    @Test
    void readingTenThousandArticles_retainsNoMoreMemoryThanReadingOneThousand() {
        int claims = 0;
        for (int i = 0; i < 1_000; i++) {
            claims += ArticleText.parse(NewsText.shortArticle(i)).claims().size();
        }
        long afterThousand = retainedHeap();
        for (int i = 1_000; i < 10_000; i++) {
            claims += ArticleText.parse(NewsText.shortArticle(i)).claims().size();
        }
        long afterTenThousand = retainedHeap();
        assertThat(claims).as("claims read").isGreaterThan(10_000);
        System.out.printf("retained heap: %d KB after 1,000 articles, %d KB after 10,000%n", afterThousand >> 10,
                afterTenThousand >> 10);
        assertThat((double) afterTenThousand / afterThousand)
                .as("retained heap after 10,000 articles over after 1,000 (%d MB / %d MB)", afterTenThousand >> 20,
                        afterThousand >> 20)
                .isLessThan(1.10);
    }

    private static long retainedHeap() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            used = Math.min(used, MEMORY.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
