package org.factlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code factlint check --isolated}: the same report and exit code as in the caller's JVM, from a child JVM. */
class IsolatedCliTest {
    @Test
    void checksTheSeedInAChildJvm_withTheSameReportAndExitCode() {
        CliRun here = CliRun.of("check", CheckCommandTest.SEED);
        CliRun isolated = CliRun.of("check", "--isolated", "--isolated-memory", "256", CheckCommandTest.SEED);

        assertThat(isolated.exit()).isEqualTo(1).isEqualTo(here.exit());
        assertThat(isolated.out()).isEqualTo(here.out()).contains("11 flags");
        assertThat(isolated.err()).isEmpty();
    }

    @Test
    void refusesAHeapTooSmallForTheChild() {
        CliRun run = CliRun.of("check", "--isolated", "--isolated-memory", "8", CheckCommandTest.SEED);

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("Invalid value for option '--isolated-memory': memoryMegabytes must be at"
                + " least 32 (a JVM with Drools needs it), was 8");
    }

    @Test
    void refusesAContainmentLevelItDoesNotKnow() {
        CliRun run = CliRun.of("check", "--isolated", "--containment", "some", CheckCommandTest.SEED);

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("Invalid value for option '--containment': 'some' (expected empty-root,"
                + " read-only or none)");
    }

    @Test
    void runsWhereTheMachineOffersTheContainmentAskedFor_orRefusesInOneLine() {
        CliRun run = CliRun.of("check", "--isolated", "--isolated-memory", "256", "--containment", "empty-root",
                CheckCommandTest.SEED);

        if (org.factlint.ContainmentLevelProbe.best().equals(org.factlint.ContainmentLevel.EMPTY_ROOT)) {
            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.out()).contains("11 flags");
        } else {
            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.err()).startsWith("factlint: isolated mode needs OS containment EMPTY_ROOT or better")
                    .hasLineCount(1);
        }
    }
}
