package org.factlint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where a containment step fails, an isolated checker does not silently run its child uncontained: it falls back to
 * the read-only level (no network, read-only mounts) where the full one cannot be made, and refuses in one line where
 * no containment is left, unless the caller accepts less. The failing steps are made to fail for real here
 * ({@link Containment.Step}: a fresh {@code /proc} mounted with a file system type that does not exist, an
 * {@code unshare} that is not there), so the decision is the one a machine where they fail would get.
 */
class ContainmentFallbackTest {
    @TempDir
    static Path dir;
    @TempDir
    static Path outside;
    private static ServerSocket server;
    private static Path marker;

    @BeforeAll
    static void writeThePack() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        marker = outside.resolve("written-by-the-pack");
        Files.writeString(dir.resolve("reach.drl"), IsolatedContainmentTest.pack(server.getLocalPort(), marker,
                outside.resolve("no-secret"), outside.resolve("no.sock")));
    }

    @AfterAll
    static void end() throws IOException {
        server.close();
    }

    private static Isolation limits() {
        return Isolation.defaults().withMemoryMegabytes(256).withTimeLimit(Duration.ofSeconds(60));
    }

    @Test
    void whereAFreshProcCannotBeMounted_theChildRunsReadOnlyWithoutNetwork_notUncontained() throws IOException {
        assumeTrue(Containment.active(), "this machine has no full containment to fall back from: "
                + Containment.description());
        Containment fallback = Containment.detect(EnumSet.of(Containment.Step.FRESH_PROC));

        assertThat(fallback.level()).isEqualTo(ContainmentLevel.READ_ONLY);
        assertThat(fallback.describe()).startsWith("no network, read-only file systems, no capabilities (unshare")
                .contains("no empty root (the empty root's probe failed: exit 97")
                .endsWith("the child can read every file its user can read");
        try (IsolatedChecker checker = IsolatedChecker.start(dir, Trust.TRUSTED, limits(), fallback)) {
            assertThat(checker.containmentLevel()).isEqualTo(ContainmentLevel.READ_ONLY);
            Files.deleteIfExists(marker); // the uncontained test may have written it

            Report report = checker.check(RunawayRulesTest.doc("r", "reach"));

            assertThat(report.problems()).isEmpty();
            assertThat(report.flags("T-REACH")).singleElement().satisfies(f -> assertThat(f.evidence())
                    .containsExactly("net=SocketException", "file=FileSystemException")); // read-only file system
            assertThat(marker).doesNotExist();
        }
    }

    @Test
    void whereNoContainmentIsLeft_theCheckerRefusesInOneLine_unlessTheCallerAcceptsNone() throws IOException {
        Containment none = Containment.detect(EnumSet.of(Containment.Step.NAMESPACES));
        assertThat(none.level()).isEqualTo(ContainmentLevel.NONE);

        assertThatThrownBy(() -> IsolatedChecker.start(dir, Trust.TRUSTED, limits(), none))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("isolated mode needs OS containment READ_ONLY or better, and this machine"
                        + " offers NONE: no OS containment (")
                .hasMessageEndingWith("; accept less with Isolation.withMinimumContainment(ContainmentLevel.NONE)"
                        + " (--containment=none)")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));

        try (IsolatedChecker accepted = IsolatedChecker.start(dir, Trust.TRUSTED,
                limits().withMinimumContainment(ContainmentLevel.NONE), none)) {
            assertThat(accepted.containment()).startsWith("no OS containment (");
            Report report = accepted.check(RunawayRulesTest.doc("r", "reach"));
            // accepted means accepted: uncontained, the trusted pack reaches out (so the refusal above matters)
            assertThat(report.flags("T-REACH")).singleElement().satisfies(f -> assertThat(f.evidence())
                    .containsExactly("net=connected", "file=written"));
        }
    }

    @Test
    void aCallerAskingForTheFullContainment_refusesTheReadOnlyFallback() {
        assumeTrue(Containment.active(), "no full containment here: " + Containment.description());
        Containment fallback = Containment.detect(EnumSet.of(Containment.Step.FRESH_PROC));

        assertThatThrownBy(() -> IsolatedChecker.start(dir, Trust.TRUSTED,
                limits().withMinimumContainment(ContainmentLevel.EMPTY_ROOT), fallback))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("isolated mode needs OS containment EMPTY_ROOT or better, and this machine"
                        + " offers READ_ONLY: no network, read-only file systems");
    }
}
