package org.factlint.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.factlint.Batch;
import org.factlint.Factlint;
import org.factlint.InputError;
import org.factlint.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Values meant to hurt whoever reads them: escapes, lone surrogates, huge echoes, endless files. */
class HostileValuesTest {
    private static String doc(String claimId, String text) {
        return """
                { "article": { "id": "a", "outlet": "w", "headline": "h", "published": "2023-05-10" },
                  "sources": [ { "id": "w", "name": "Wire", "kind": "wire_agency" } ],
                  "entities": [ { "id": "m", "name": "Ivan Petrov" } ],
                  "claims": [ { "id": "%s", "text": "%s", "subject": "m", "predicate": "resign" } ] }
                """.formatted(claimId, text);
    }

    @Test
    void controlCharacters_areEscapedInTheTextReport() {
        Batch batch = Factlint.parse(doc("c1", "Ivan Petrov reportedly resigned \\u001b[2J\\u001b[31mtoday\\u202e."));
        Report report = Factlint.checker().check(batch);
        assertThat(report.flags()).isNotEmpty();

        String text = ReportWriter.text(report);

        assertThat(text).contains("\\u001b[2J\\u001b[31mtoday\\u202e.");
        assertThat(text.chars().filter(c -> c < 0x20 && c != '\n' && c != '\r' || c == 0x202e)).isEmpty();
    }

    @Test
    void aLoneSurrogate_isAnErrorAtItsPlace() {
        Batch batch = Factlint.parse(doc("c1", "Ivan Petrov resigned \\ud800."));

        assertThat(batch.rejected()).isEqualTo(1);
        InputError e = batch.errors().get(0);
        assertThat(e.path()).isEqualTo("$.claims[0].text");
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.message()).contains("a lone surrogate \\ud800 at character 22 of the string: not valid Unicode text");
    }

    @Test
    void aHugeInvalidId_isEchoedCut_withItsLength() {
        String id = "!" + "x".repeat(100_000);

        Batch batch = Factlint.parse(doc(id, "Ivan Petrov resigned."));

        assertThat(batch.errors()).singleElement().satisfies(e -> {
            assertThat(e.message()).contains("'!" + "x".repeat(59) + "...' (100,001 characters) is not a valid id");
            assertThat(e.toString().length()).isLessThan(400);
        });
    }

    @Test
    void aDirectoryOrADevice_isRefusedWithoutReading(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("claims.json"));
        assertThat(Factlint.read(dir.resolve("claims.json")).errors()).extracting(InputError::message)
                .containsExactly("not a regular file: claims are read from files (a pipe, a device or a directory is"
                        + " refused)");
        Path endless = Path.of("/dev/zero");
        if (Files.exists(endless)) {
            assertThat(Factlint.read(endless).rejected()).isEqualTo(1);
        }
    }
}
