package org.factlint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.factlint.internal.ModelGenerator;
import org.factlint.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs the command line cannot use: each named in the right words, the others still checked; and -V everywhere. */
class CliInputsTest {
    static final String SEED = "seeds/moscow-times.claims.json";
    static final String CHECKED_SEED = "2 documents read, 1 accepted, 1 rejected; 16 claims; 11 flags";

    @TempDir
    Path tmp;

    @Test
    void check_namesADirectory_andStillChecksTheGoodInput() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("adir"));
        CliRun r = CliRun.of("check", dir.toString(), SEED);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).contains("UNC-NONCONFIRMED").endsWith(CHECKED_SEED + " (2 high, 5 medium, 4 low)\n");
        assertThat(r.err()).isEqualTo("factlint: cannot read '" + dir + "': it is a directory\n");
    }

    @Test
    void check_namesAMissingFile_andAFifo_eachOnce_andCountsThemRejected() throws Exception {
        Path fifo = tmp.resolve("pipe");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mk.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assumeThat(mk.exitValue()).as("mkfifo available").isZero();
        Path missing = tmp.resolve("nope.json");
        CliRun r = CliRun.of("check", missing.toString(), SEED, fifo.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).endsWith("3 documents read, 1 accepted, 2 rejected; 16 claims; 11 flags (2 high, 5 medium, 4 low)\n")
                .doesNotContain("cannot read");
        assertThat(r.err()).isEqualTo("factlint: cannot read '" + missing + "': no such file\n"
                + "factlint: cannot read '" + fifo + "': it is not a regular file (a named pipe)\n");
        CliRun json = CliRun.of("check", "--format", "json", missing.toString(), SEED);
        JsonNode report = Json.mapper().readTree(json.out());
        assertThat(report.at("/counts/rejected").asInt()).isEqualTo(1);
        assertThat(report.at("/rejected/0/message").asText()).isEqualTo("cannot read: no such file");
    }

    @Test
    void check_namesAnUnreadableFile() throws IOException {
        assumeThat(System.getProperty("user.name")).as("root reads every file").isNotEqualTo("root");
        Path locked = Files.copy(Path.of(SEED), tmp.resolve("locked.json"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        CliRun r = CliRun.of("check", locked.toString(), SEED);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("factlint: cannot read '" + locked + "': permission denied\n");
        assertThat(r.out()).contains(CHECKED_SEED);
    }

    @Test
    void check_printsEachRejectedInputOnce() {
        String bad = "src/test/resources/docs/invalid/ref-undeclared-source.json";
        CliRun r = CliRun.of("check", SEED, bad);
        String located = bad + ":42:21: $.claims[0].attribution[0].source: claim 'c1': source 'tass' is not declared";
        assertThat((r.out() + r.err()).split(java.util.regex.Pattern.quote(located), -1)).hasSize(2);
        assertThat(r.err()).startsWith(located);
    }

    @Test
    void extract_refusesClaimsJson_andBinaryInput_exitingTwo() throws IOException {
        CliRun json = CliRun.of("extract", SEED);
        assertThat(json.exit()).isEqualTo(2);
        assertThat(json.out()).isEmpty();
        assertThat(json.err()).isEqualTo("factlint: cannot extract claims from '" + SEED
                + "': it is claims JSON, not article text (check it with 'factlint check " + SEED + "')\n");
        Path renamed = Files.copy(Path.of(SEED), tmp.resolve("claims.txt"));
        assertThat(CliRun.of("extract", renamed.toString()).err()).contains("it is claims JSON, not article text");
        Path binary = Files.write(tmp.resolve("photo.txt"), new byte[] {'H', 'i', '\n', (byte) 0x89, 'P', 'N', 'G', 0, 0});
        CliRun bin = CliRun.of("extract", binary.toString());
        assertThat(bin.exit()).isEqualTo(2);
        assertThat(bin.err()).isEqualTo("factlint: cannot extract claims from '" + binary
                + "': it is not text: a NUL byte at byte 7\n");
        Path latin1 = Files.write(tmp.resolve("latin1.txt"), "Caf\u00e9 au lait\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(CliRun.of("extract", latin1.toString()).err())
                .endsWith("it is not UTF-8 text: a malformed byte at byte 3\n");
        Path dir = Files.createDirectories(tmp.resolve("d.txt"));
        assertThat(CliRun.of("extract", dir.toString()).err()).isEqualTo("factlint: cannot read '" + dir + "': it is a directory\n");
    }

    @Test
    void version_isThePomVersion_onTheCommandAndEverySubcommand() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        String version = pom.replaceFirst("(?s).*?<artifactId>factlint</artifactId>\\s*<version>([^<]+)</version>.*", "$1");
        assertThat(version).endsWith("-SNAPSHOT");
        for (String[] args : new String[][] {{"-V"}, {"--version"}, {"check", "-V"}, {"extract", "-V"},
                {"validate", "-V"}, {"test", "--version"}}) {
            CliRun r = CliRun.of(args);
            assertThat(r.exit()).as(String.join(" ", args)).isZero();
            assertThat(r.out()).as(String.join(" ", args)).isEqualTo("factlint " + version + "\n");
        }
    }

    @Test
    void modelGenerator_saysNothingOnStdout_soAQuietBuildIsQuiet() throws IOException {
        PrintStream saved = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            ModelGenerator.main(new String[] {"rules", "target/classes", "org/factlint/rules/default/"});
        } finally {
            System.setOut(saved);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
