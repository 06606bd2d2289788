package org.factlint.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.factlint.Checker;
import org.factlint.Factlint;
import org.factlint.Flag;
import org.factlint.Report;
import org.factlint.model.Attribution;
import org.factlint.model.Claim;
import org.factlint.model.CueCategory;
import org.factlint.model.Document;
import org.factlint.model.EventTime;
import org.factlint.model.Factuality;
import org.factlint.model.Qualifier;
import org.factlint.model.Relation;
import org.factlint.model.RelationType;
import org.factlint.model.Source;
import org.factlint.model.SourceKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ArticleTextTest {
    static final Path SEED = Path.of("seeds/moscow-times-victory-parade-invitations.txt");
    static Checker checker;
    static Document seed;
    static Report seedReport;

    @BeforeAll
    static void checkSeedOnce() throws IOException {
        checker = Factlint.checker();
        seed = ArticleText.read(SEED);
        seedReport = checker.check(seed);
    }

    private static Claim claimWith(Document doc, String words) {
        return doc.claims().stream().filter(c -> !c.headline() && c.text().contains(words)).findFirst()
                .orElseThrow(() -> new AssertionError("no claim with '" + words + "' in " + doc.claims()));
    }

    private static List<Claim> flagged(Report report, Document doc, String code) {
        return report.flags(code).stream().map(f -> f.claims().get(0))
                .map(id -> doc.claims().stream().filter(c -> doc.qualify(c.id()).equals(id)).findFirst().orElseThrow())
                .toList();
    }

    @Test
    void rawSeedText_raisesTheSeedFlags_withoutHandExtractedClaims() {
        Claim invitation = claimWith(seed, "Another invitation was received");
        Claim kremlin = claimWith(seed, "has not yet officially confirmed");
        Claim rahmonCall = claimWith(seed, "On May 5, Putin called up");
        Claim notSpecified = claimWith(seed, "did not specify whether");
        Claim undecided = claimWith(seed, "had not yet decided whether");

        List<Flag> nonConfirmed = seedReport.flags("UNC-NONCONFIRMED");
        assertThat(nonConfirmed).hasSize(1);
        assertThat(nonConfirmed.get(0).claims()).containsExactly(seed.qualify(invitation.id()), seed.qualify(kremlin.id()));
        assertThat(nonConfirmed.get(0).evidence()).containsExactly("has not yet officially confirmed");

        Claim thanks = claimWith(seed, "thanked the leader of a friendly state");
        assertThat(flagged(seedReport, seed, "UNC-SINGLE-INTERESTED"))
                .containsExactlyInAnyOrder(invitation, thanks, rahmonCall);
        assertThat(flagged(seedReport, seed, "UNC-UNSPECIFIED")).containsExactly(notSpecified);
        assertThat(flagged(seedReport, seed, "UNC-UNDECIDED")).containsExactly(undecided);

        List<Claim> forecasts = flagged(seedReport, seed, "UNC-FORECAST");
        assertThat(forecasts).extracting(c -> c.quantity().value()).containsExactlyInAnyOrder(28.0, 10_000.0, 125.0);
        assertThat(forecasts).allMatch(c -> c.text().startsWith("It is expected that military parades"));
        assertThat(seedReport.flags("UNC-FORECAST")).allMatch(f -> f.message().contains("Russian Defense Minister Sergei Shoigu"));
    }

    @Test
    void kremlinNonConfirmation_questionsTheInvitationClaim() {
        Claim kremlin = claimWith(seed, "has not yet officially confirmed");
        Claim invitation = claimWith(seed, "Another invitation was received");
        assertThat(kremlin.relations()).containsExactly(new Relation(RelationType.QUESTIONS, invitation.id()));
        assertThat(kremlin.factuality()).isEqualTo(Factuality.UNKNOWN);
        assertThat(invitation.subject()).isEqualTo("vladimir-putin");
        assertThat(invitation.object()).isEqualTo("serdar-berdimuhamedov");
        assertThat(invitation.predicate()).isEqualTo("invite");
    }

    @Test
    void sources_getKindsAndParties_fromTheTable_quotesAndNestedPossessives() {
        assertThat(seed.sources()).contains(
                new Source("state-news-agency-of-turkmenistan", "State News Agency of Turkmenistan",
                        SourceKind.STATE_MEDIA, "Turkmenistan"),
                new Source("kremlin-press-service", "Kremlin press service", SourceKind.PRESS_SERVICE, "Russia"),
                new Source("website-of-the-tajik-leader", "website of the Tajik leader", SourceKind.OFFICIAL, "Tajikistan"),
                new Source("sergei-shoigu", "Russian Defense Minister Sergei Shoigu", SourceKind.OFFICIAL, "Russia"));
        // the source of a quotation comes after it
        assertThat(claimWith(seed, "thanked the leader of a friendly state").attribution())
                .containsExactly(new Attribution("state-news-agency-of-turkmenistan", "reported"));
        // "Rahmon's press service": a press service speaking for Rahmon's side
        Claim undecided = claimWith(seed, "had not yet decided whether");
        Source rahmonPress = seed.sources().stream()
                .filter(s -> s.id().equals(undecided.attribution().get(0).source())).findFirst().orElseThrow();
        assertThat(rahmonPress.kind()).isEqualTo(SourceKind.PRESS_SERVICE);
        assertThat(rahmonPress.party()).isEqualTo("Tajikistan");
        assertThat(undecided.subject()).isEqualTo("emomali-rahmon");
        // "This was reported on the website of the Tajik leader." sources the sentence before it
        assertThat(claimWith(seed, "On May 5, Putin called up").attribution().get(0).source())
                .isEqualTo("website-of-the-tajik-leader");
        // "it did not specify": it is the agency named just before
        assertThat(claimWith(seed, "did not specify whether").attribution().get(0).source())
                .isEqualTo("state-news-agency-of-turkmenistan");
    }

    @Test
    void spellingsThatFoldAlike_areOneEntity() {
        assertThat(seed.entities().stream().filter(e -> e.name().contains("Berd"))).singleElement()
                .satisfies(e -> {
                    assertThat(e.name()).isEqualTo("Serdar Berdimuhamedov");
                    assertThat(e.aliases()).contains("Berdymukhammedov");
                    assertThat(e.party()).isEqualTo("Turkmenistan");
                });
        assertThat(claimWith(seed, "did not specify whether").subjectMention()).isEqualTo("Berdymukhammedov");
        assertThat(seedReport.flags("CONS-SPELLING")).hasSize(1);
    }

    @Test
    void everyClaim_keepsTheCharacterSpanOfItsSentence() {
        String text = seed.article().text();
        for (Claim c : seed.claims()) {
            assertThat(text.substring(c.span().start(), c.span().end())).as(c.id()).isEqualTo(c.text());
        }
        assertThat(seed.claims()).noneMatch(c -> c.text().contains("Leave a Reply") || c.text().contains("Source :"));
        assertThat(seed.article().outlet()).isEqualTo("the-moscow-times");
        assertThat(seed.article().headline())
                .isEqualTo("Putin Invited the President of Turkmenistan to the Victory Parade in Moscow");
    }

    @Test
    void nonBreakingSpacesBetweenSentences_stillSplitSentences() {
        assertThat(seed.article().text()).contains("\u00a0");
        assertThat(claimWith(seed, "However, it did not specify").text())
                .isEqualTo("However, it did not specify whether Berdymukhammedov accepted the invitation.");
    }

    @Test
    void frontMatter_givesOutletAndDate_andDatesTakeTheArticleYear() {
        Document doc = ArticleText.parse("""
                ---
                outlet: Daily Example
                date: 2023-05-08
                url: https://example.org/a
                id: ex1
                ---
                Minister Visits Dushanbe

                On May 5, Russian Foreign Minister Sergei Lavrov met Tajik President Emomali Rahmon in Dushanbe.
                """);
        assertThat(doc.article().id()).isEqualTo("ex1");
        assertThat(doc.article().published()).isEqualTo(LocalDate.of(2023, 5, 8));
        assertThat(doc.article().url()).isEqualTo("https://example.org/a");
        assertThat(doc.sources()).contains(new Source("daily-example", "Daily Example", SourceKind.OUTLET, null));
        Claim c = claimWith(doc, "Lavrov met");
        assertThat(c.when()).isEqualTo(EventTime.on(LocalDate.of(2023, 5, 5)));
        assertThat(c.subject()).isEqualTo("sergei-lavrov");
        assertThat(c.object()).isEqualTo("emomali-rahmon");
        assertThat(c.place()).isEqualTo("dushanbe");
        assertThat(c.predicate()).isEqualTo("meet");
        assertThat(c.span().start()).isEqualTo(doc.article().text().indexOf("On May 5"));
    }

    @Test
    void abbreviations_doNotEndSentences_andTypographicQuotesAreQuotes() {
        Document doc = ArticleText.parse("""
                Talks in Washington

                Mr. Ivanov arrived in the U.S. on Jan. 12 for talks with Secretary of State Antony Blinken. \
                “We expect a deal,” Ivanov’s spokesman said.
                """);
        List<Claim> body = doc.claims().stream().filter(c -> !c.headline()).toList();
        assertThat(body).extracting(Claim::text).containsExactly(
                "Mr. Ivanov arrived in the U.S. on Jan. 12 for talks with Secretary of State Antony Blinken.",
                "“We expect a deal,” Ivanov’s spokesman said.");
        Source spokesman = doc.sources().stream().filter(s -> s.id().equals(body.get(1).attribution().get(0).source()))
                .findFirst().orElseThrow();
        assertThat(spokesman.kind()).isEqualTo(SourceKind.PRESS_SERVICE);
        assertThat(spokesman.name()).isEqualTo("Ivanov’s spokesman");
    }

    @Test
    void accordingTo_andCiting_giveTheSourceChain_outermostFirst() {
        Document doc = ArticleText.parse("""
                Ceasefire Report

                According to Reuters, the ceasefire held overnight in Donetsk.
                TASS reported, citing the Kremlin press service, that President Vladimir Putin would visit Minsk.
                """);
        assertThat(claimWith(doc, "the ceasefire held").attribution()).extracting(Attribution::source)
                .containsExactly("reuters");
        assertThat(claimWith(doc, "would visit Minsk").attribution()).extracting(Attribution::source)
                .containsExactly("tass", "kremlin-press-service");
    }

    @Test
    void figures_withQualifiers_becomeIntervals() {
        Document doc = ArticleText.parse("""
                Crowds in the Capital

                Police said about 8,000 people gathered, while organisers counted at least 20 thousand protesters \
                and up to 300 buses.
                """);
        List<Claim> claims = doc.claims().stream().filter(c -> c.quantity() != null).toList();
        assertThat(claims).extracting(c -> c.quantity().value() + " " + c.quantity().unit() + " "
                + c.quantity().qualifier()).containsExactly("8000.0 people ABOUT", "20000.0 protesters AT_LEAST",
                "300.0 buses UP_TO");
        assertThat(claims.get(0).quantity().lo()).isEqualTo(7500.0);
        assertThat(claims).allMatch(c -> c.span().equals(claims.get(0).span()));
        assertThat(claims.get(1).quantity().qualifier()).isEqualTo(Qualifier.AT_LEAST);
    }

    @Test
    void cues_setFactuality_andDenialsDenyTheClaimTheyAnswer() {
        Document doc = ArticleText.parse("""
                Talks Collapse

                Turkish President Recep Erdogan met Iranian President Masoud Pezeshkian in Ankara, Turkish state media said.
                The Iranian Foreign Ministry denied that Pezeshkian had met Erdogan.
                The summit is reportedly planned for June.
                """);
        Claim meeting = claimWith(doc, "met Iranian President");
        Claim denial = claimWith(doc, "denied that");
        assertThat(denial.cues()).anyMatch(c -> c.category() == CueCategory.DENIAL);
        assertThat(denial.relations()).containsExactly(new Relation(RelationType.DENIES, meeting.id()));
        assertThat(claimWith(doc, "reportedly").factuality()).isEqualTo(Factuality.POSSIBLE);
    }

    @Test
    void badFrontMatter_isRejectedWithItsLine() {
        assertThatThrownBy(() -> ArticleText.parse("---\noutlet: X\ndate: 2023-13-45\n---\nHeadline\n"))
                .isInstanceOf(ArticleTextException.class)
                .hasMessage("front matter: '2023-13-45' is not a date (expected YYYY-MM-DD)")
                .satisfies(e -> assertThat(((ArticleTextException) e).line()).isEqualTo(3));
        assertThatThrownBy(() -> ArticleText.parse("---\nauthor: X\n---\nHeadline\n"))
                .hasMessage("front matter: unknown key 'author' (expected one of: date, id, outlet, url)");
        assertThatThrownBy(() -> ArticleText.parse("---\noutlet: X\nHeadline\n"))
                .hasMessage("front matter opened with '---' on line 1 is never closed (expected a line '---')");
        assertThatThrownBy(() -> ArticleText.parse("   \n\n"))
                .hasMessage("the article has no text: the first line must be the headline");
    }

    @Test
    void textFiles_areReadByFactlintRead_andBadOnesBecomeLocatedInputErrors(@org.junit.jupiter.api.io.TempDir Path dir)
            throws IOException {
        Path bad = dir.resolve("bad.md");
        Files.writeString(bad, "---\ndate: yesterday\n---\nHeadline\n");
        var batch = Factlint.read(SEED, bad);
        assertThat(batch.read()).isEqualTo(2);
        assertThat(batch.accepted()).isEqualTo(1);
        assertThat(batch.errors()).singleElement().hasToString(bad + ":2:1: $: front matter: 'yesterday' is not a date"
                + " (expected YYYY-MM-DD)");
    }
}
