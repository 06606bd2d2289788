package org.factlint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.factlint.io.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The seed article end to end: its hand-extracted claims give the report in {@code seeds/}, flag by flag; with the
 * constructed follow-up and archive, the contradictions appear and the confirmed claims lose their flags.
 */
class SeedReportTest {
    static final Path SEED = Path.of("seeds/moscow-times.claims.json");
    static final Path FOLLOWUP = Path.of("seeds/constructed-followup.claims.json");
    static final Path ARCHIVE = Path.of("seeds/constructed-archive.claims.json");
    static Checker checker;
    static Report seed;
    static Report together;

    @BeforeAll
    static void check() throws IOException {
        checker = Factlint.checker();
        seed = checker.check(Factlint.read(SEED));
        together = checker.check(Factlint.read(SEED, FOLLOWUP, ARCHIVE));
    }

    static List<Tuple> expected(String file) throws IOException {
        JsonNode report = Json.mapper().readTree(Path.of("seeds", file).toFile());
        List<Tuple> out = new ArrayList<>();
        for (JsonNode f : report.get("flags")) {
            List<String> claims = new ArrayList<>();
            f.get("claims").forEach(c -> claims.add(c.asText()));
            out.add(tuple(f.get("code").asText(), claims, Severity.valueOf(f.get("severity").asText())));
        }
        return out;
    }

    @Test
    void seedGivesTheExpectedReport_flagByFlag() throws IOException {
        assertThat(seed.flags()).extracting(Flag::code, Flag::claims, Flag::severity)
                .containsExactlyElementsOf(expected("moscow-times.expected.json"));
        assertThat(seed.read()).isEqualTo(1);
        assertThat(seed.claims()).isEqualTo(16);
    }

    @Test
    void flagsTurkmenInvitation_reportedOnlyByStateAgency_andNotConfirmedByTheKremlin() {
        assertThat(seed.flags("UNC-SINGLE-INTERESTED")).anySatisfy(f -> {
            assertThat(f.claims()).containsExactly("mt:c1");
            assertThat(f.message()).contains("State News Agency of Turkmenistan");
        });
        assertThat(seed.flags("UNC-NONCONFIRMED")).singleElement().satisfies(f -> {
            assertThat(f.claims()).containsExactly("mt:c1", "mt:c4");
            assertThat(f.evidence()).containsExactly("has not yet officially confirmed");
        });
    }

    @Test
    void flagsWhetherBerdimuhamedovAccepted_asNotSpecified() {
        assertThat(seed.flags("UNC-UNSPECIFIED")).singleElement().satisfies(f ->
                assertThat(f.evidence()).containsExactly("did not specify whether"));
    }

    @Test
    void flagsRahmonCall_reportedOnlyOnTheTajikLeadersWebsite() {
        assertThat(seed.flags("UNC-SINGLE-INTERESTED")).anySatisfy(f -> {
            assertThat(f.claims()).containsExactly("mt:c5");
            assertThat(f.message()).contains("website of the President of Tajikistan");
        });
    }

    @Test
    void flagsRahmonsAttendance_asNotYetDecided() {
        assertThat(seed.flags("UNC-UNDECIDED")).singleElement().satisfies(f -> {
            assertThat(f.claims()).containsExactly("mt:c6");
            assertThat(f.evidence()).containsExactly("had not yet decided whether");
        });
    }

    @Test
    void flagsHeadline_statingTheTurkmenInvitationAsFact() {
        assertThat(seed.flags("UNC-HEADLINE")).extracting(Flag::claims).containsExactly(List.of("mt:h1", "mt:c1"));
    }

    @Test
    void flagsBerdimuhamedov_spelledTwoWays() {
        assertThat(seed.flags("CONS-SPELLING")).singleElement().satisfies(f ->
                assertThat(f.evidence()).containsExactly("Berdimuhamedov", "Berdymukhammedov"));
    }

    @Test
    void flagsParadeFigures_asAForecastOfTheDefenceMinister_withLowSeverity() {
        assertThat(seed.flags("UNC-FORECAST")).hasSize(3).allSatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.LOW);
            assertThat(f.sources()).containsExactly("shoigu");
        }).extracting(f -> f.evidence().get(1))
                .containsExactlyInAnyOrder("28 cities", "more than 10,000 people", "125 pieces");
    }

    @Test
    void doesNotFlagPeskovsSecurityAssurance() {
        assertThat(seed.flags()).noneMatch(f -> f.claims().contains("mt:c15"));
    }

    @Test
    void followUpAndArchive_giveTheExpectedReport_flagByFlag() throws IOException {
        assertThat(together.flags()).extracting(Flag::code, Flag::claims, Flag::severity)
                .containsExactlyElementsOf(expected("constructed-followup.expected.json"));
    }

    @Test
    void followUpContradictsTheArticle_andConfirmsTheTurkmenInvitation() {
        assertThat(together.flags()).extracting(Flag::code, Flag::claims).contains(
                tuple("CON-TWO-PLACES", List.of("followup:f2", "mt:c7")),
                tuple("CON-EXCLUSIVITY", List.of("mt:c8", "followup:f2")),
                tuple("CON-NUMERIC", List.of("followup:f3", "mt:c13")),
                tuple("CON-NEGATED-EXISTENCE", List.of("mt:c11", "archive:r1")));
        assertThat(together.flags()).noneMatch(f -> f.claims().contains("mt:c1"));
        assertThat(together.flags("UNC-UNDECIDED")).isEmpty();
    }
}
