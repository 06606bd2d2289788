package org.factlint.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.factlint.Batch;
import org.factlint.InputError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bad document in {@code src/test/resources/docs/invalid} is rejected with exactly the located message listed
 * in {@code expected-errors.txt} beside it; batches keep their good documents and their counts add up.
 */
class DocumentErrorsTest {
    static final Path INVALID = Path.of("src/test/resources/docs/invalid");
    static final Path VALID = Path.of("src/test/resources/docs/valid");

    static Map<String, String> expected() throws IOException {
        return Files.readAllLines(INVALID.resolve("expected-errors.txt")).stream()
                .collect(Collectors.toMap(l -> l.substring(0, l.indexOf(':')), Function.identity()));
    }

    static Stream<String> invalidFiles() throws IOException {
        try (Stream<Path> files = Files.list(INVALID)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidFiles")
    void rejectsBadDocument_withItsLocatedMessage(String file) throws IOException {
        Batch batch = DocumentReader.readJson(file, Files.readAllBytes(INVALID.resolve(file)));
        assertThat(batch.documents()).isEmpty();
        assertThat(batch.read()).isEqualTo(1);
        assertThat(batch.rejected()).isEqualTo(1);
        assertThat(batch.errors()).extracting(InputError::toString)
                .as("expected-errors.txt lists every fixture").containsExactly(expected().get(file));
    }

    @Test
    void everyExpectedMessage_hasItsFixture() throws IOException {
        assertThat(expected().keySet()).containsExactlyInAnyOrderElementsOf(invalidFiles().toList());
    }

    @Test
    void arrayBatch_keepsGoodDocuments_andLocatesTheBadOneInTheWholeFile() throws IOException {
        String good = Files.readString(VALID.resolve("full.json"));
        String bad = Files.readString(INVALID.resolve("ref-undeclared-source.json"));
        String minimal = Files.readString(VALID.resolve("minimal.json"));
        String array = "[\n" + good + ",\n" + bad.replace("\"a1\"", "\"a2\"") + ",\n" + minimal + "]\n";
        Batch batch = DocumentReader.readJson("batch.json", array.getBytes(StandardCharsets.UTF_8));

        assertThat(batch.read()).isEqualTo(3);
        assertThat(batch.accepted()).isEqualTo(2);
        assertThat(batch.rejected()).isEqualTo(1);
        long badLine = 1 + good.lines().count() + 1 + 42; // "[", the good document, ",", then line 42 of the bad one
        assertThat(batch.errors()).extracting(InputError::toString).containsExactly(
                "batch.json:" + badLine + ":21: $[1].claims[0].attribution[0].source: claim 'c1': source 'tass' is not"
                        + " declared (declared: 'paper', 'tdh')");
    }

    @Test
    void jsonLines_reportsTheLineOfEachBadDocument_andKeepsTheRest() {
        String lines = """
                {"article":{"id":"a1","outlet":"p","headline":"H"},"sources":[{"id":"p","name":"P","kind":"outlet"}]}
                {"article":{"id":"a2","outlet":"p","headline":"H"},"sources":[{"id":"p","name":"P","kind":"blog"}]}

                {"article":{"id":"a3","outlet":"p","headline":"H"},"sources":[{"id":"p","name":"P","kind":"outlet"}]
                {"article":{"id":"a4","outlet":"p","headline":"H"},"sources":[{"id":"p","name":"P","kind":"outlet"}]}
                """;
        Batch batch = DocumentReader.readLines("claims.jsonl", lines.getBytes(StandardCharsets.UTF_8));

        assertThat(batch.documents()).extracting(d -> d.article().id()).containsExactly("a1", "a4");
        assertThat(batch.read()).isEqualTo(4);
        assertThat(batch.rejected()).isEqualTo(2);
        assertThat(batch.errors()).extracting(InputError::toString).containsExactly(
                "claims.jsonl:2:91: $.sources[0].kind: 'blog' is not a valid source kind (expected one of: official,"
                        + " press_service, state_media, independent_media, wire_agency, anonymous, social, outlet,"
                        + " reference)",
                "claims.jsonl:4:101: $: malformed JSON: the input ends before the document is complete (an object is not"
                        + " closed): is the file truncated?");
    }

    @Test
    void validFixtures_areAccepted() throws IOException {
        for (String f : List.of("full.json", "minimal.json")) {
            Batch batch = DocumentReader.readJson(f, Files.readAllBytes(VALID.resolve(f)));
            assertThat(batch.errors()).as(f).isEmpty();
            assertThat(batch.accepted()).as(f).isEqualTo(1);
        }
    }
}
