package org.factlint.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;

import org.factlint.model.Document;
import org.junit.jupiter.api.Test;

/**
 * Time in proportion to the length of a text, and memory that does not grow with the number of articles read,
 * asserted as ratios between two sizes (never as a wall-clock limit). Time is the CPU time of the reading thread, so
 * other work on the machine does not count.
 */
class GrowthTest {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    @Test
    void fourTimesTheText_takesAboutFourTimesTheTime() {
        String small = NewsText.article(96 * 1024);
        String large = NewsText.article(4 * 96 * 1024);
        ArticleText.parse(small); // warm-up: models loaded, code compiled
        long smallCpu = Math.min(cpu(small), cpu(small));
        long largeCpu = cpu(large);
        double ratio = (double) largeCpu / smallCpu;
        System.out.printf("text growth: %d chars %d ms, %d chars %d ms CPU: %.2fx%n", small.length(),
                smallCpu / 1_000_000, large.length(), largeCpu / 1_000_000, ratio);
        // linear gives 4 (more on a loaded machine); a quadratic step anywhere would give up to 16
        assertThat(ratio).as("CPU time of a %d-char text over a %d-char one (%d ms / %d ms)", large.length(),
                small.length(), largeCpu / 1_000_000, smallCpu / 1_000_000).isBetween(1.5, 8.0);
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

    private static long cpu(String text) {
        long start = THREADS.getCurrentThreadCpuTime();
        Document d = ArticleText.parse(text);
        long used = THREADS.getCurrentThreadCpuTime() - start;
        assertThat(d.claims()).isNotEmpty();
        return used;
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
