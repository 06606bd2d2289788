package org.factlint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the child JVM of an isolated checker cannot do where the OS contains it (Linux namespaces): open a socket,
 * write a file; what it cannot exhaust for the caller: metaspace; and that it runs the pack's canary itself. A trusted
 * pack is code, so each misbehaviour is real: the same pack run in-process does connect and write.
 */
class IsolatedContainmentTest {
    /**
     * The kill, out of the metaspace test's reach: its child must run out of metaspace, and at load 20 on JDK 25 filling
     * 96 MB of it once took longer than a 60 s kill. No test here expects a kill.
     */
    private static final Duration FAR_OFF = Duration.ofMinutes(10);

    @TempDir
    static Path dir;
    @TempDir
    static Path outside;
    private static ServerSocket server;
    private static IsolatedChecker checker;
    private static Path marker;
    private static Path secret;
    private static Path socket;
    private static ServerSocketChannel unixServer;

    static String pack(int port, Path marker, Path secret, Path socket) {
        return RunawayRulesTest.HEADER + """
                rule "Reach: a socket to the caller's loopback, and a file"
                    @code("T-REACH") @category("unconfirmed") @severity("low") @message("{claim} reached out.")
                when
                    $c : ClaimFact( predicate == "reach" )
                then
                    String net;
                    try ( java.net.Socket s = new java.net.Socket( "127.0.0.1", %d ) ) {
                        net = "connected";
                    } catch ( Exception e ) {
                        net = e.getClass().getSimpleName();
                    }
                    String file;
                    try {
                        java.nio.file.Files.writeString( java.nio.file.Path.of( "%s" ), "x" );
                        file = "written";
                    } catch ( Exception e ) {
                        file = e.getClass().getSimpleName();
                    }
                    insertLogical( Flags.flag( kcontext, List.of( $c ), List.of( "net=" + net, "file=" + file ) ) );
                end
                rule "Look: a file in the user's home, a Unix-domain socket, a thousand threads"
                    @code("T-LOOK") @category("unconfirmed") @severity("low") @message("{claim} looked around.")
                when
                    $c : ClaimFact( predicate == "look" )
                then
                    String home;
                    try {
                        home = java.nio.file.Files.readString( java.nio.file.Path.of( "%s" ) );
                    } catch ( Exception e ) {
                        home = e.getClass().getSimpleName();
                    }
                    String unix;
                    try ( java.nio.channels.SocketChannel ch = java.nio.channels.SocketChannel.open(
                            java.net.UnixDomainSocketAddress.of( "%s" ) ) ) {
                        unix = "connected";
                    } catch ( Exception e ) {
                        unix = e.getClass().getSimpleName();
                    }
                    List<java.util.Timer> started = new java.util.ArrayList<>(); // a timer is a thread that waits
                    try {
                        for ( int i = 0; i < 1000; i++ ) {
                            started.add( new java.util.Timer( true ) );
                        }
                    } catch ( Throwable e ) {
                        // the cap
                    }
                    for ( java.util.Timer t : started ) {
                        t.cancel();
                    }
                    insertLogical( Flags.flag( kcontext, List.of( $c ), List.of( "home=" + home, "unix=" + unix,
                            "threads=" + ( started.size() == 1000 ? "1000" : started.size() < %d ? "capped" : "?" ) ) ) );
                end
                rule "Classes: a new class in a new loader, until metaspace is full"
                when
                    $c : ClaimFact( predicate == "classes" )
                then
                    List<Object> keep = new java.util.ArrayList<>();
                    for ( long i = 0; i >= 0; i++ ) {
                        ClassLoader l = new java.net.URLClassLoader( new java.net.URL[ 0 ] );
                        keep.add( java.lang.reflect.Proxy.getProxyClass( l, Runnable.class ) );
                    }
                end
                """.formatted(port, marker.toString().replace("\\", "\\\\"), secret, socket, Containment.MAX_TASKS)
                + RunawayRulesTest.SEEN;
    }

    @BeforeAll
    static void startTheChild() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        marker = outside.resolve("written-by-the-pack");
        secret = Path.of(System.getProperty("user.home"), ".factlint-containment-test-" + ProcessHandle.current().pid());
        Files.writeString(secret, "the user's secret");
        socket = outside.resolve("s.sock");
        unixServer = ServerSocketChannel.open(StandardProtocolFamily.UNIX).bind(UnixDomainSocketAddress.of(socket));
        Files.writeString(dir.resolve("reach.drl"), pack(server.getLocalPort(), marker, secret, socket));
        checker = Factlint.isolated(dir, Trust.TRUSTED, Isolation.defaults().withMemoryMegabytes(256)
                .withMetaspaceMegabytes(96).withTimeLimit(FAR_OFF));
    }

    @AfterAll
    static void end() throws IOException {
        if (checker != null) {
            checker.close();
        }
        server.close();
        if (unixServer != null) {
            unixServer.close();
        }
        if (secret != null) {
            Files.deleteIfExists(secret);
        }
    }

    private static boolean contained() {
        return Containment.active();
    }

    @Test
    void theSamePackInProcess_connectsAndWrites_soTheAttackIsReal() throws IOException {
        Path inProcessDir = Files.createDirectories(outside.resolve("in-process"));
        Path written = outside.resolve("written-in-process");
        Files.writeString(inProcessDir.resolve("reach.drl"), pack(server.getLocalPort(), written, secret, socket));

        Report report = Factlint.checker(RulePack.load(inProcessDir, Trust.TRUSTED))
                .check(RunawayRulesTest.doc("r", "reach"));

        assertThat(report.flags("T-REACH")).singleElement()
                .satisfies(f -> assertThat(f.evidence()).containsExactly("net=connected", "file=written"));
        assertThat(written).exists();
        Report look = Factlint.checker(RulePack.load(inProcessDir, Trust.TRUSTED))
                .check(RunawayRulesTest.doc("l", "look"));
        assertThat(look.flags("T-LOOK")).singleElement().satisfies(f -> assertThat(f.evidence())
                .containsExactly("home=the user's secret", "unix=connected", "threads=1000"));
    }

    @Test
    void aTrustedPackInTheChild_seesNoFileOfTheUsersHome_noUnixSocket_andCannotStartAThousandThreads() {
        assumeTrue(contained(), "no OS containment here: " + checker.containment());

        Report report = checker.check(RunawayRulesTest.doc("l", "look"));

        assertThat(report.problems()).isEmpty();
        assertThat(report.flags("T-LOOK")).singleElement().satisfies(f -> assertThat(f.evidence())
                .containsExactly("home=NoSuchFileException", "unix=SocketException", "threads=capped"));
        assertThat(checker.containment()).contains("an empty root with only the JDK and the class path, at most "
                + Containment.MAX_TASKS + " tasks");
    }

    @Test
    void aTrustedPackInTheChild_cannotOpenASocket_norWriteAFile() {
        assumeTrue(contained(), "no OS containment here: " + checker.containment());

        Report report = checker.check(RunawayRulesTest.doc("r", "reach"));

        assertThat(report.problems()).isEmpty();
        assertThat(report.flags("T-REACH")).singleElement().satisfies(f -> assertThat(f.evidence())
                .containsExactly("net=SocketException", "file=NoSuchFileException")); // network unreachable, no such dir
        assertThat(marker).doesNotExist();
        assertThat(checker.containment()).startsWith("no network, read-only file systems, no capabilities (unshare");
    }

    @Test
    void aPackThatFillsMetaspace_endsOnlyTheChild_andTheNextCheckIsServed() {
        int starts = checker.starts();

        Report report = checker.check(RunawayRulesTest.doc("m", "classes"));

        assertThat(report.flags()).isEmpty();
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(CheckError.Kind.RULE_FAILED);
            assertThat(p.message()).isEqualTo("the isolated check ran out of metaspace (the child JVM's class metadata"
                    + " is capped at 96 MB, Isolation.metaspaceMegabytes) and its JVM ended; a new one serves the next"
                    + " check");
        });
        Report next = checker.check(RunawayRulesTest.doc("n", "attend"));
        assertThat(next.problems()).isEmpty();
        assertThat(next.flags()).extracting(Flag::code).containsExactly("T-SEEN");
        assertThat(checker.starts()).isEqualTo(starts + 1);
    }

    @Test
    void theCanaryRunsInTheChild_andAPackFailingItsOwnScenarioIsRefused(@TempDir Path pack) throws IOException {
        Files.writeString(pack.resolve("r.drl"), ReloadingCheckerTest.rule("X-ONE"));
        Files.createDirectories(pack.resolve("tests"));
        Files.writeString(pack.resolve("tests/every.json"), """
                { "name": "every claim is flagged", "given": [ { "article": { "id": "a", "outlet": "w",
                  "headline": "h", "published": "2023-05-10" }, "sources": [ { "id": "w", "name": "Wire",
                  "kind": "wire_agency" } ], "entities": [ { "id": "m", "name": "Ivan Petrov" } ],
                  "claims": [ { "id": "c1", "text": "Ivan Petrov resigned.", "subject": "m", "predicate": "resign" } ] } ],
                  "expect": { "flags": [ { "code": "X-TWO", "claims": [ "a:c1" ] } ] } }
                """);
        // the pack's directory may be readable by its owner only: the caller sends the scenarios (IsolatedCanaryTest)

        assertThatThrownBy(() -> Factlint.isolated(pack, Trust.CHECKED, Isolation.defaults()))
                .isInstanceOf(RulePackException.class)
                .hasMessageContaining("canary in the isolated JVM: the new rule pack fails its own scenario "
                        + "'every claim is flagged' (tests/every.json)");

        try (IsolatedChecker unchecked = Factlint.isolated(pack, Trust.CHECKED, Isolation.defaults().withoutCanary())) {
            assertThat(unchecked.rules()).as("without the canary the same pack serves").isEqualTo(1);
        }
    }
}
