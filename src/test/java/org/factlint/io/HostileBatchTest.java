package org.factlint.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.factlint.Batch;
import org.factlint.Checker;
import org.factlint.Factlint;
import org.factlint.InputError;
import org.factlint.Report;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batches with bad documents among good ones, oversized input, and the counts that must add up. */
class HostileBatchTest {
    static String followup;
    static String archive;
    static String seed;
    static Checker checker;

    @BeforeAll
    static void load() throws IOException {
        followup = oneLine(Path.of("seeds/constructed-followup.claims.json"));
        archive = oneLine(Path.of("seeds/constructed-archive.claims.json"));
        seed = oneLine(Path.of("seeds/moscow-times.claims.json"));
        checker = Factlint.checker();
    }

    static String oneLine(Path file) throws IOException {
        return Json.mapper().readTree(file.toFile()).toString();
    }

    @Test
    void keepsTheGoodDocumentsOfAnArray_andLocatesTheBadOneInTheWholeFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("batch.json");
        String bad = followup.replace("\"kind\":\"wire_agency\"", "\"kind\":\"blog\"").replace("\"followup\"", "\"f2\"");
        Files.writeString(file, "[\n" + seed + ",\n  " + bad + ",\n" + archive + "\n]\n");

        Batch batch = Factlint.read(file);

        assertThat(batch.read()).isEqualTo(3);
        assertThat(batch.accepted()).isEqualTo(2);
        assertThat(batch.rejected()).isEqualTo(1);
        InputError error = batch.errors().get(0);
        assertThat(error.path()).isEqualTo("$[1].sources[0].kind");
        assertThat(error.line()).isEqualTo(3);
        assertThat(error.column()).isEqualTo(3 + bad.indexOf("\"blog\""));
        assertThat(error.message()).startsWith("'blog' is not a valid source kind");
    }

    @Test
    void checksTheGoodDocumentsOfABadBatch_exactlyAsIfTheBadOnesWereAbsent(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("batch.jsonl");
        Files.writeString(file, String.join("\n", seed, "{\"article\": ", "", followup, "42",
                followup.replace("\"outlet\":\"example-wire\"", "\"outlet\":\"tass\""), archive, ""));
        Path good = dir.resolve("good.jsonl");
        Files.writeString(good, String.join("\n", seed, followup, archive));

        Batch batch = Factlint.read(file);
        Report report = checker.check(batch);
        Report clean = checker.check(Factlint.read(good));

        assertThat(batch.errors()).extracting(InputError::toString).containsExactly(
                file + ":2:13: $: malformed JSON: the input ends before the document is complete (inside a value):"
                        + " is the file truncated?",
                file + ":5:1: $: expected a claims document (a JSON object with article, sources, entities, claims),"
                        + " got the number 42",
                file + ":6:" + (followup.replace("\"outlet\":\"example-wire\"", "\"outlet\":\"tass\"").indexOf("\"tass\"") + 1)
                        + ": $.article.outlet: article 'followup': outlet 'tass' is not declared (declared:"
                        + " 'example-wire', 'kremlin-press')");
        assertThat(report.read()).isEqualTo(6);
        assertThat(report.accepted()).isEqualTo(3);
        assertThat(report.rejected()).isEqualTo(3);
        assertThat(report.read()).isEqualTo(report.accepted() + report.rejected());
        assertThat(report.flags()).isNotEmpty().isEqualTo(clean.flags());
        assertThat(report.claims()).isEqualTo(clean.claims());
    }

    @Test
    void keepsTheDocumentsBeforeATruncationInAnArray_andCountsTheRestAsOneRejected(@TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("cut.json");
        String full = "[" + seed + "," + followup + "]";
        Files.writeString(file, full.substring(0, seed.length() + 1 + followup.length() / 2));

        Batch batch = Factlint.read(file);

        assertThat(batch.accepted()).isEqualTo(1);
        assertThat(batch.rejected()).isEqualTo(1);
        assertThat(batch.errors().get(0).path()).startsWith("$[1]");
        assertThat(batch.errors().get(0).message()).endsWith("is the file truncated?");
    }

    @Test
    void rejectsContentAfterTheClosingBracketOfAnArray(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("trailing.json");
        Files.writeString(file, "[" + seed + "]\n]\n");

        Batch batch = Factlint.read(file);

        assertThat(batch.accepted()).isEqualTo(1);
        assertThat(batch.rejected()).isEqualTo(1);
        assertThat(batch.errors()).extracting(InputError::toString).containsExactly(file + ":2:1: $: malformed JSON:"
                + " more content after the end of the array (one document or one array per file; use a .jsonl file"
                + " for one document per line)");
    }

    @Test
    void namesTheStringLengthLimit_whenAStringIsTooLong() throws IOException {
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) Json.mapper().readTree(followup);
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("article"))
                .put("text", "x".repeat(Json.MAX_STRING_LENGTH + 1));
        String doc = tree.toString();

        Batch batch = DocumentReader.readJson("huge.json", doc.getBytes(StandardCharsets.UTF_8));

        assertThat(batch.rejected()).isEqualTo(1);
        assertThat(batch.errors().get(0).path()).isEqualTo("$.article.text");
        assertThat(batch.errors().get(0).message()).isEqualTo("input exceeds a limit: string too long (5,000,001 >"
                + " limit 5,000,000 characters, Json.MAX_STRING_LENGTH)");
    }

    @Test
    void namesTheDocumentLengthLimit_whenAnArrayIsTooLong_butKeepsTheDocumentsBeforeIt() throws IOException {
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) Json.mapper().readTree(followup);
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("article"))
                .put("text", "CONSTRUCTED " + "x".repeat(Json.MAX_STRING_LENGTH - 100_000));
        StringBuilder sb = new StringBuilder("[");
        int n = 0;
        while (sb.length() <= Json.MAX_DOCUMENT_LENGTH + Json.MAX_STRING_LENGTH) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("article")).put("id", "f" + n);
            sb.append(n++ == 0 ? "" : ",").append(tree);
        }
        sb.append("]");

        Batch batch = DocumentReader.readJson("big.json", sb.toString().getBytes(StandardCharsets.UTF_8));

        assertThat(batch.read()).isEqualTo(batch.accepted() + 1);
        assertThat(batch.accepted()).isEqualTo((int) (Json.MAX_DOCUMENT_LENGTH / tree.toString().length()));
        assertThat(batch.errors()).hasSize(1);
        assertThat(batch.errors().get(0).path()).isEqualTo("$[" + batch.accepted() + "].article.text");
        assertThat(batch.errors().get(0).message()).startsWith("input exceeds a limit: document too long (")
                .endsWith(" > limit 50,000,000 characters, Json.MAX_DOCUMENT_LENGTH)");
    }

    @Test
    void refusesAFileOverTheSizeLimit_withoutReadingIt(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("sparse.json");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(Json.MAX_FILE_LENGTH + 1); // sparse: costs no disk
        }

        Batch batch = Factlint.read(file);

        assertThat(batch.read()).isEqualTo(1);
        assertThat(batch.rejected()).isEqualTo(1);
        assertThat(batch.errors()).extracting(InputError::toString).containsExactly(file + ":0:0: $: file is"
                + " 200,000,001 bytes, over the limit of 200,000,000 bytes (Json.MAX_FILE_LENGTH): split it");
    }

    @Test
    void acceptsAByteOrderMark() {
        byte[] bom = ("\uFEFF" + followup).getBytes(StandardCharsets.UTF_8);

        assertThat(DocumentReader.readJson("bom.json", bom).accepted()).isEqualTo(1);
        assertThat(DocumentReader.readLines("bom.jsonl", bom).accepted()).isEqualTo(1);
    }

    @Test
    void readsTheSeeds_withoutErrors() throws IOException {
        Batch batch = Factlint.read(Path.of("seeds/moscow-times.claims.json"),
                Path.of("seeds/constructed-followup.claims.json"), Path.of("seeds/constructed-archive.claims.json"));

        assertThat(batch.errors()).isEmpty();
        assertThat(batch.accepted()).isEqualTo(3);
        assertThat(List.of(batch.read(), batch.rejected())).containsExactly(3, 0);
    }
}
