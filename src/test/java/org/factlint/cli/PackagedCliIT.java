package org.factlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The packaged command line as a user runs it (Maven's integration-test phase, after {@code package}): the jar carries
 * the bundled pack's prebuilt executable model, and the launcher checks the seed with it.
 */
class PackagedCliIT {
    private static final Path JAR = Path.of("target/factlint.jar");
    private static final String INDEX = "org/factlint/rules/default/prebuilt-model.properties";

    @Test
    void jarCarriesThePrebuiltModel_indexAndEveryModelClass() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            assertThat(jar.getEntry(INDEX)).as("the prebuilt model's index in " + JAR).isNotNull();
            Properties index = new Properties();
            try (InputStream in = jar.getInputStream(jar.getEntry(INDEX))) {
                index.load(in);
            }
            for (String model : index.getProperty("models").split(",")) {
                assertThat(jar.getEntry(model.replace('.', '/') + ".class")).as(model).isNotNull();
            }
            long lambdas = jar.stream().filter(e -> e.getName().matches("org/factlint/rules/P[0-9A-F]{2}/Lambda.*\\.class"))
                    .count();
            assertThat(lambdas).as("generated constraint and consequence classes").isGreaterThan(100);
            // a kjar's module descriptor would be picked up by a user's own KieContainer: it must not ship
            assertThat(jar.getEntry("META-INF/kmodule.xml")).isNull();
            assertThat(jar.getEntry("org/drools/project/model/ProjectModel.class")).isNull();
        }
    }

    @Test
    void launcherChecksTheSeed_withThePrebuiltPackAndTheClassDataArchive() throws Exception {
        assertThat(Path.of("target/factlint.jsa")).as("class-data sharing archive from the build's training run").exists();
        Path out = Files.createTempFile("factlint-out", ".txt");
        Path err = Files.createTempFile("factlint-err", ".txt");
        Process p = new ProcessBuilder("target/factlint", "check", "seeds/moscow-times.claims.json")
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(stderr).isEqualTo(1); // flags raised
        assertThat(stdout).contains("1 document read, 1 accepted, 0 rejected; 16 claims; 11 flags");
        assertThat(stderr).doesNotContain("compiling its DRL").doesNotContain("cds");
    }

    private static String[] run(Path dir, String... command) throws Exception {
        Path out = Files.createTempFile("factlint-out", ".txt");
        Path err = Files.createTempFile("factlint-err", ".txt");
        Process p = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new String[] {String.valueOf(p.exitValue()), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8)};
    }

    @Test
    void launcherWorks_throughASymbolicLink_andALinkToALink(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path link = Files.createSymbolicLink(tmp.resolve("factlint"), Path.of("target/factlint").toAbsolutePath());
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path relative = Files.createSymbolicLink(bin.resolve("fl"), Path.of("../factlint"));
        Path seed = Path.of("seeds/moscow-times.claims.json").toAbsolutePath();
        for (Path l : java.util.List.of(link, relative)) {
            String[] r = run(tmp, l.toString(), "check", seed.toString());
            assertThat(r[0]).as(l + ": " + r[2]).isEqualTo("1");
            assertThat(r[1]).contains("16 claims; 11 flags");
        }
        Files.delete(relative); // links out of a @TempDir are ours to remove
        Files.delete(link);
    }

    @Test
    void jarRuns_whenCopiedAlone(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path jar = Files.copy(JAR, tmp.resolve("factlint.jar"));
        Path seed = Files.copy(Path.of("seeds/moscow-times.claims.json"), tmp.resolve("mt.json"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String[] r = run(tmp, java, "-jar", jar.toString(), "check", seed.getFileName().toString());
        assertThat(r[0]).as(r[2]).isEqualTo("1");
        assertThat(r[1]).endsWith("1 document read, 1 accepted, 0 rejected; 16 claims; 11 flags (2 high, 5 medium, 4 low)\n");
        assertThat(r[2]).isEmpty();
        String[] text = run(tmp, java, "-jar", jar.toString(), "check",
                Path.of("seeds/moscow-times-victory-parade-invitations.txt").toAbsolutePath().toString());
        assertThat(text[0]).as(text[2]).isEqualTo("1");
        assertThat(text[1]).contains("UNC-NONCONFIRMED");
        try (JarFile j = new JarFile(jar.toFile())) {
            assertThat(j.getManifest().getMainAttributes().getValue("Class-Path")).isNull();
        }
    }
}
