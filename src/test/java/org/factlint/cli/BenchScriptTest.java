package org.factlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code src/bench/run.sh} checks its tools before it builds anything. */
class BenchScriptTest {
    @TempDir
    Path bin;

    private record Run(int exit, String out, String err) {
    }

    private Run runWith(List<String> tools) throws Exception {
        for (String tool : tools) {
            Path real = which(tool);
            Files.createSymbolicLink(bin.resolve(tool), real);
        }
        Path out = Files.createTempFile(bin.getParent(), "out", ".txt");
        Path err = Files.createTempFile(bin.getParent(), "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(which("bash").toString(), "src/bench/run.sh", "tools")
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("PATH", bin.toString());
        Process p = pb.start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        for (String tool : tools) {
            Files.delete(bin.resolve(tool)); // links out of a @TempDir are ours to remove
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private static Path which(String tool) throws IOException {
        for (String dir : System.getenv("PATH").split(":")) {
            Path p = Path.of(dir, tool);
            if (Files.isExecutable(p)) {
                return p.toRealPath();
            }
        }
        throw new IOException(tool + " is not on this machine's PATH");
    }

    @Test
    void namesEveryMissingTool_andExitsTwo_beforeBuilding() throws Exception {
        Run r = runWith(List.of("dirname"));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("run.sh: 'mvn' is not on the PATH (Apache Maven 3.8 or later)\n")
                .contains("run.sh: 'java' is not on the PATH (a JDK 17 or later)\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void goesOnWithoutHyperfine_sayingTheColdStartIsSkipped() throws Exception {
        Run r = runWith(List.of("dirname", "mvn", "java", "timeout", "nproc", "free", "awk", "grep", "tee"));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).isEqualTo("run.sh: 'hyperfine' is not on the PATH (apt-get install hyperfine): the "
                + "cold-start step will be skipped\n");
        assertThat(r.out()).isEqualTo("run.sh: tools found\n");
    }
}
