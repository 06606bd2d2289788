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
    void aPackOfManyCommentLines_isLintedInLinearTime() throws Exception {
        String small = pack(4_000);
        String large = pack(8_000);
        long[] best = GrowthRuns.best(3, 5, () -> lintCpu(small), () -> lintCpu(large));
        long bestSmall = best[0];
        long bestLarge = best[1];
        assertThat((double) bestLarge / bestSmall).as("CPU at 800 KB (%d ns) over 400 KB (%d ns)", bestLarge,
                bestSmall).isLessThan(MAX_GROWTH);
    }

    /** Process CPU time of compiling a pack of {@code lines} comment lines above its package (each text unique). */
    private static long loadCpu(int lines, int round) {
        return loadCpu("// round " + round + "\n" + pack(lines));
    }

    private static long loadCpu(String text) {
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                ManagementFactory.getOperatingSystemMXBean();
        long t0 = os.getProcessCpuTime();
        RulePack.of("p", Map.of("r.drl", text));
        return os.getProcessCpuTime() - t0;
    }

    /**
     * Drools' default KieBase looks for each file's package in its text, counting quotes from the start again for each
     * comment on the way: a pack's KieBase names no packages, so no file is searched. Before, 4 MB of comment lines
     * above the package took 14.8 s of CPU to compile, 10 MB did not compile in an isolated child's two minutes, and
     * 1 MB of comment lines in a file with no package statement did not compile in 400 s; now 0.4 s and 1.4 s.
     */
    @Test
    void aPackOfManyCommentLinesAboveItsPackage_isCompiledInLinearTime() throws Exception {
        int[] round = {0}; // each text unique, so that nothing of an earlier compile is reused
        long[] best = GrowthRuns.best(2, 3, () -> loadCpu(20_000, ++round[0]), () -> loadCpu(40_000, ++round[0]));
        long small = best[0];
        long large = best[1];
        assertThat((double) large / small).as("CPU at 4 MB (%d ns) over 2 MB (%d ns)", large, small)
                .isLessThan(MAX_GROWTH);
    }

    /** The rule with no package statement, then {@code lines} comment lines that say "package" (each text unique). */
    private static String noPackage(int lines, int round) {
        return ReloadingCheckerTest.rule("X-ONE").replaceFirst("package [\\w.]+;", "import org.factlint.rules.Flags;")
                + ("// package " + round + " " + "x".repeat(80) + "\n").repeat(lines);
    }

    @Test
    void aPackWithNoPackageStatementAndManyComments_isCompiledInLinearTime() {
        loadCpu(noPackage(5_000, 0));
        long small = Long.MAX_VALUE;
        long large = Long.MAX_VALUE;
        for (int i = 1; i <= 3; i++) {
            small = Math.min(small, loadCpu(noPackage(5_000, i)));
            large = Math.min(large, loadCpu(noPackage(10_000, i)));
        }
        assertThat((double) large / small).as("CPU at 1 MB (%d ns) over 500 KB (%d ns)", large, small)
                .isLessThan(MAX_GROWTH);
    }
}
