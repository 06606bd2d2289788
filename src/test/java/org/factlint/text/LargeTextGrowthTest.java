package org.factlint.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

import org.factlint.model.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The 10 MB bad-input case: a generated 10 MB text against a 2.5 MB one, time asserted as a ratio (the reading
 * thread's CPU time, so other work on the machine does not count). About a minute of CPU, so it runs in CI
 * ({@code CI=true}, as {@code .ci/run} sets it) or with {@code -Dfactlint.large=true}, and is skipped in a local
 * {@code mvn verify}; {@link GrowthTest} measures 96 KB against 384 KB in every run.
 */
@Tag("large")
class LargeTextGrowthTest {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    static boolean enabled() {
        return "true".equals(System.getenv("CI")) || Boolean.getBoolean("factlint.large");
    }

    @Test
    @EnabledIf("enabled")
    void tenMegabytesOfText_takeAboutFourTimesTheTimeOfTwoAndAHalf() {
        String small = NewsText.article(10 * 1024 * 1024 / 4);
        String large = NewsText.article(10 * 1024 * 1024);
        ArticleText.parse(NewsText.article(96 * 1024)); // warm-up: models loaded, code compiled
        long smallCpu = cpu(small);
        long largeCpu = cpu(large);
        double ratio = (double) largeCpu / smallCpu;
        System.out.printf("large text growth: %d chars %d ms, %d chars %d ms CPU: %.2fx%n", small.length(),
                smallCpu / 1_000_000, large.length(), largeCpu / 1_000_000, ratio);
        // linear gives 4 (a little more as the heap fills); a quadratic step anywhere would give about 16
        assertThat(ratio).as("CPU time of a %d-char text over a %d-char one (%d ms / %d ms)", large.length(),
                small.length(), largeCpu / 1_000_000, smallCpu / 1_000_000).isBetween(1.5, 8.0);
    }

    private static long cpu(String text) {
        long start = THREADS.getCurrentThreadCpuTime();
        Document d = ArticleText.parse(text);
        long used = THREADS.getCurrentThreadCpuTime() - start;
        assertThat(d.claims()).hasSizeGreaterThan(1000);
        return used;
    }
}
