package org.factlint.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The packaged jars (integration-test phase, after {@code package}): the Flink job jar carries the job, the engine and
 * the Kafka connector with merged service files, but neither Flink nor slf4j (the cluster's); the CLI jar carries
 * nothing of Flink.
 */
class JobJarIT {
    @Test
    void theJobJar_carriesTheJobAndTheKafkaConnector_butNotFlinkNorSlf4j() throws IOException {
        try (JarFile jar = new JarFile(jobJar().toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo(FlagJob.class.getName());
            assertThat(jar.getEntry("org/factlint/flink/FlagJob.class")).isNotNull();
            assertThat(jar.getEntry("org/factlint/rules/default/prebuilt-model.properties")).isNotNull();
            assertThat(jar.getEntry("org/apache/flink/connector/kafka/source/KafkaSource.class")).isNotNull();
            assertThat(jar.getEntry("org/apache/flink/streaming/api/environment/StreamExecutionEnvironment.class"))
                    .as("Flink is provided by the cluster").isNull();
            assertThat(jar.getEntry("org/apache/flink/connector/file/src/FileSource.class")).isNull();
            assertThat(jar.stream().filter(e -> e.getName().startsWith("org/slf4j/"))).isEmpty();
            assertThat(jar.getEntry("org/factlint/cli/Main.class")).isNull();
            // drools-wiring-dynamic and -static ship the same service file: both halves must survive the shading
            String services = "META-INF/services/org.drools.wiring.api.ComponentsSupplier";
            assertThat(jar.getEntry(services)).isNotNull();
            try (InputStream in = jar.getInputStream(jar.getEntry(services))) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertThat(text).contains("org.drools.wiring.dynamic.DynamicComponentsSupplier").contains("org.drools.wiring.statics.StaticComponentsSupplier");
            }
        }
    }

    @Test
    void theCliJar_carriesNothingOfFlink() throws IOException {
        try (JarFile jar = new JarFile(Path.of("target/factlint.jar").toFile())) {
            assertThat(jar.stream().filter(e -> e.getName().startsWith("org/apache/flink/")
                    || e.getName().startsWith("org/factlint/flink/") || e.getName().startsWith("org/apache/kafka/")))
                    .isEmpty();
        }
    }

    private static Path jobJar() throws IOException {
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(Path.of("target"), "factlint-*-flink-job.jar")) {
            for (Path p : jars) {
                return p;
            }
        }
        throw new AssertionError("no target/factlint-*-flink-job.jar: the flink-job shade execution did not run");
    }
}
