package org.factlint.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.factlint.Batch;
import org.factlint.Factlint;
import org.factlint.InputError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile and broken input, one bad document per fixture file in {@code src/test/resources/invalid/}; the exact
 * located errors each must give are in {@code invalid/expected.tsv}.
 */
class InvalidInputTest {
    static final Path DIR = Path.of("src/test/resources/invalid");

    static Map<String, List<String>> expected() throws IOException {
        Map<String, List<String>> expected = new LinkedHashMap<>();
        for (String line : Files.readAllLines(DIR.resolve("expected.tsv"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t", 2);
            expected.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(parts[1]);
        }
        return expected;
    }

    static Stream<String> fixtures() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".tsv")).sorted().toList()
                    .stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void rejectsBadDocument_withTheExactLocatedError(String fixture) throws IOException {
        Path file = DIR.resolve(fixture);
        Batch batch = Factlint.read(file);

        assertThat(batch.read()).as("documents read").isEqualTo(1);
        assertThat(batch.rejected()).as("documents rejected").isEqualTo(1);
        assertThat(batch.documents()).isEmpty();
        assertThat(batch.errors()).extracting(InputError::file).containsOnly(file.toString());
        assertThat(batch.errors())
                .extracting(e -> e.line() + ":" + e.column() + ": " + e.path() + ": " + e.message())
                .containsExactlyElementsOf(expected().get(fixture));
    }

    @Test
    void everyExpectationNamesAFixture_andEveryFixtureHasOne() throws IOException {
        assertThat(expected().keySet()).containsExactlyInAnyOrderElementsOf(fixtures().toList());
        assertThat(fixtures().count()).isGreaterThanOrEqualTo(50);
    }

    @Test
    void acceptsTheValidBaseDocument_thatTheFixturesVary() throws IOException {
        Batch batch = Factlint.read(Path.of("src/test/resources/valid-base.json"));

        assertThat(batch.errors()).isEmpty();
        assertThat(batch.accepted()).isEqualTo(1);
    }
}
