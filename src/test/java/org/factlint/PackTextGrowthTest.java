package org.factlint;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.factlint.internal.PackLint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;

/**
 * A pack's text is scanned in time linear in its size, however it is laid out. Before, the lint that looks for
 * {@code declare} at a line's start let {@code ^\s*} run over every blank line below each line start: a pack of 1 MB
 * of comment lines took 29 s of CPU to load and 2 MB 92 s (a 10 MB pack, under the file limit, would have taken about
 * 45 min). The thread's CPU time of the lint, best of five interleaved runs after warm-up, may grow at most 2.5-fold
 * when the text doubles (before: about 4-fold at these sizes).
 */
class PackTextGrowthTest {
    private static final double MAX_GROWTH = 2.5;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static KieBase kieBase;

    @BeforeAll
    static void compileOnce() {
        kieBase = RulePack.of("p", Map.of("r.drl", ReloadingCheckerTest.rule("X-ONE"))).kieBase();
    }

    /** {@code lines} comment lines of 100 bytes, then the rule. */
    private static String pack(int lines) {
        return ("// " + "x".repeat(96) + "\n").repeat(lines) + ReloadingCheckerTest.rule("X-ONE");
    }

    private static long lintCpu(String text) {
        long t0 = CPU.getCurrentThreadCpuTime();
        PackLint.warnings(kieBase, Map.of("r.drl", text), List.of(), Set.of());
        return CPU.getCurrentThreadCpuTime() - t0;
    }

    @Test
    void aPackOfManyCommentLines_isLintedInLinearTime() {
        String small = pack(4_000);
        String large = pack(8_000);
        for (int i = 0; i < 3; i++) {
            lintCpu(small);
            lintCpu(large);
        }
        long bestSmall = Long.MAX_VALUE;
        long bestLarge = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            bestSmall = Math.min(bestSmall, lintCpu(small));
            bestLarge = Math.min(bestLarge, lintCpu(large));
        }
        assertThat((double) bestLarge / bestSmall).as("CPU at 800 KB (%d ns) over 400 KB (%d ns)", bestLarge,
                bestSmall).isLessThan(MAX_GROWTH);
    }
}
