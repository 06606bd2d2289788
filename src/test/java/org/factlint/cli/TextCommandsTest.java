package org.factlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.factlint.Batch;
import org.factlint.io.DocumentReader;
import org.factlint.model.Document;
import org.factlint.text.ArticleText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


class TextCommandsTest {
    static final Path SEED = Path.of("seeds/moscow-times-victory-parade-invitations.txt");

    static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void extract_printsClaimsJson_thatReadsBackAsTheSameDocument() throws IOException {
        CliRun r = run("extract", SEED.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("\"kind\" : \"state_media\"", "\"category\" : \"non_confirmation\"")
                .doesNotContain("null");
        Batch back = DocumentReader.readJson("extracted.json", r.out().getBytes(StandardCharsets.UTF_8));
        assertThat(back.errors()).isEmpty();
        Document extracted = ArticleText.read(SEED);
        assertThat(back.documents()).containsExactly(extracted);
        try (var schemaText = TextCommandsTest.class.getResourceAsStream("/org/factlint/claims.schema.json")) {
            var schema = com.networknt.schema.JsonSchemaFactory
                    .getInstance(com.networknt.schema.SpecVersion.VersionFlag.V202012).getSchema(schemaText);
            assertThat(schema.validate(new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out())))
                    .as("extracted JSON against claims.schema.json").isEmpty();
        }
    }

    @Test
    void correctedExtract_isCheckedLikeAnyClaimsFile(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("mt.json");
        Files.writeString(json, run("extract", SEED.toString()).out());
        CliRun fromJson = run("check", json.toString());
        CliRun fromText = run("check", SEED.toString());
        assertThat(fromText.exit()).isEqualTo(1);
        assertThat(fromText.out()).contains("UNC-NONCONFIRMED", "UNC-SINGLE-INTERESTED", "UNC-UNSPECIFIED",
                "UNC-UNDECIDED", "UNC-FORECAST");
        assertThat(fromJson.out()).isEqualTo(fromText.out());
    }

    @Test
    void check_withHtmlAndClaimReviewFormats_writesThem() {
        CliRun html = run("check", "--format", "html", SEED.toString());
        assertThat(html.exit()).isEqualTo(1);
        assertThat(html.out()).startsWith("<!DOCTYPE html>").contains("<mark class=\"hl cat-unconfirmed");
        CliRun cr = run("check", "--format", "claimreview", "--reviewer", "Desk", SEED.toString());
        assertThat(cr.out()).startsWith("[").contains("\"@type\" : \"ClaimReview\"", "\"name\" : \"Desk\"");
    }

    @Test
    void extract_ofAMissingFile_orBadFrontMatter_exitsTwoNamingTheCulprit(@TempDir Path dir) throws IOException {
        CliRun missing = run("extract", dir.resolve("nope.txt").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("factlint: cannot read '" + dir.resolve("nope.txt") + "': no such file"
                + System.lineSeparator());
        Path bad = dir.resolve("bad.txt");
        Files.writeString(bad, "---\noutlet: X\nlang: en\n---\nHeadline\n");
        CliRun r = run("extract", bad.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo(bad + ":3:1: front matter: unknown key 'lang' (expected one of: date, id,"
                + " outlet, url)" + System.lineSeparator());
        CliRun check = run("check", bad.toString());
        assertThat(check.exit()).isEqualTo(2);
        assertThat(check.err()).contains(bad + ":3:1: $: front matter: unknown key 'lang'");
    }
}
