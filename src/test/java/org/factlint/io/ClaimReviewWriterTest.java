package org.factlint.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.factlint.Batch;
import org.factlint.Checker;
import org.factlint.Factlint;
import org.factlint.Flag;
import org.factlint.Report;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ClaimReviewWriterTest {
    static Checker checker;

    @BeforeAll
    static void compileOnce() {
        checker = Factlint.checker();
    }

    static JsonNode write(Batch batch, Report report) throws IOException {
        String json = ClaimReviewWriter.json(report, batch.documents(), "Example Desk", LocalDate.of(2023, 5, 10));
        return new ObjectMapper().readTree(json); // plain Jackson: valid JSON, whatever our mapper accepts
    }

    @Test
    void flaggedClaims_becomeClaimReviewDrafts_withTheSchemaOrgFields() throws IOException {
        Batch batch = Factlint.read(Path.of("seeds/moscow-times.claims.json"));
        Report report = checker.check(batch);
        JsonNode reviews = write(batch, report);

        assertThat(reviews.isArray()).isTrue();
        JsonNode first = reviews.get(0);
        assertThat(first.get("@context").asText()).isEqualTo("https://schema.org");
        assertThat(first.get("@type").asText()).isEqualTo("ClaimReview");
        assertThat(first.get("datePublished").asText()).isEqualTo("2023-05-10");
        assertThat(first.at("/author/name").asText()).isEqualTo("Example Desk");

        JsonNode invitation = find(reviews, "mt:c1");
        assertThat(invitation.get("claimReviewed").asText())
                .isEqualTo("Another invitation was received by his Turkmen counterpart Serdar Berdimuhamedov during"
                        + " a telephone conversation between them.");
        assertThat(invitation.at("/itemReviewed/@type").asText()).isEqualTo("Claim");
        assertThat(invitation.at("/itemReviewed/author/@type").asText()).isEqualTo("Organization");
        assertThat(invitation.at("/itemReviewed/author/name").asText()).isEqualTo("State News Agency of Turkmenistan");
        assertThat(invitation.at("/itemReviewed/datePublished").asText()).isEqualTo("2023-05-08");
        assertThat(invitation.at("/itemReviewed/appearance/@type").asText()).isEqualTo("CreativeWork");
        assertThat(invitation.at("/itemReviewed/appearance/headline").asText())
                .isEqualTo("Putin Invited the President of Turkmenistan to the Victory Parade in Moscow");
        assertThat(invitation.at("/itemReviewed/appearance/publisher/name").asText()).isEqualTo("The Moscow Times");
        assertThat(invitation.at("/reviewRating/@type").asText()).isEqualTo("Rating");
        assertThat(invitation.at("/reviewRating/alternateName").asText()).isEqualTo("Unconfirmed");
        List<String> messages = report.flags().stream().filter(f -> f.claims().get(0).equals("mt:c1"))
                .map(Flag::message).toList();
        assertThat(messages).hasSizeGreaterThanOrEqualTo(2);
        assertThat(invitation.at("/reviewRating/ratingExplanation").asText()).isEqualTo(String.join(" ", messages));

        // a named official speaks as a Person
        assertThat(find(reviews, "mt:c12").at("/itemReviewed/author").toString())
                .isEqualTo("{\"@type\":\"Person\",\"name\":\"Russian Defense Minister Sergei Shoigu\"}");
        // consistency flags are about form, not truth: no review for the spelling alone
        assertThat(reviews.findValuesAsText("identifier")).doesNotHaveDuplicates();
    }

    @Test
    void claimsAnotherSourceContradicts_areRatedContradicted() throws IOException {
        Batch batch = Factlint.read(Path.of("seeds/moscow-times.claims.json"),
                Path.of("seeds/constructed-followup.claims.json"));
        Report report = checker.check(batch);
        JsonNode reviews = write(batch, report);
        String contradicted = report.flags().stream().filter(f -> f.code().equals("CON-NUMERIC")).findFirst()
                .orElseThrow().claims().get(0);
        assertThat(find(reviews, contradicted).at("/reviewRating/alternateName").asText()).isEqualTo("Contradicted");
    }

    private static JsonNode find(JsonNode reviews, String id) {
        for (JsonNode r : reviews) {
            if (r.get("identifier").asText().equals(id)) {
                return r;
            }
        }
        throw new AssertionError("no review for " + id + " in " + reviews);
    }
}
