package org.factlint.text.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.factlint.text.Analysis;
import org.factlint.text.eval.BratAttributions.Article;
import org.factlint.text.eval.BratAttributions.Relation;
import org.junit.jupiter.api.Test;

class EvalReadersTest {
    static final Path CORPORA = EvalFixtures.corpora();

    @Test
    void brat_spansInCodePoints_becomeCharOffsets_evenAfterACharacterOutsideTheBmp() throws IOException {
        List<Article> split = BratAttributions.readSplit(CORPORA.resolve("polnear/dev"));
        assertThat(split).hasSize(1);
        Article a = split.get(0);
        assertThat(a.name()).isEqualTo("bridge");
        assertThat(a.relations()).extracting(Relation::id).containsExactly("E1", "E2", "E3");
        Relation headline = a.relations().get(0);
        assertThat(headline.source().get(0).of(a.text())).isEqualTo("Mayor \uD835\uDCE2mith");
        assertThat(headline.cue().get(0).of(a.text())).isEqualTo(":");
        Relation body = a.relations().get(1);
        assertThat(body.source().get(0).of(a.text())).isEqualTo("Mayor Ann Smith");
        assertThat(body.cue().get(0).of(a.text())).isEqualTo("said");
    }

    @Test
    void brat_aBrokenSpan_keepsEachPiece_andTheFirstAnnotatorIsScored() throws IOException {
        Article a = BratAttributions.readSplit(CORPORA.resolve("polnear/dev")).get(0);
        Relation officials = a.relations().get(2);
        assertThat(officials.content()).hasSize(2);
        assertThat(officials.content().get(0).of(a.text())).isEqualTo("the repairs");
        assertThat(officials.content().get(1).of(a.text())).isEqualTo("cost more than planned");
        // bridge_0002.ann has one relation without a source; bridge_0001.ann, the first, has three
        assertThat(a.relations()).allSatisfy(r -> assertThat(r.source()).isNotEmpty());
    }

    @Test
    void brat_anEventWithoutSource_isAnUnnamedAttribution() {
        Article a = BratAttributions.parse("x", "It was reported.", "T1\tCue 3 15\twas reported\nE1\tAttribution:T1 Cue:T1\n",
                "x.ann");
        assertThat(a.relations()).singleElement().satisfies(r -> {
            assertThat(r.source()).isEmpty();
            assertThat(r.cue().get(0).of(a.text())).isEqualTo("was reported");
        });
    }

    @Test
    void brat_aSpanTextThatRunsOverALineBreak_isNotTakenForAnAnnotationLine() {
        String text = "Told:\nThe end";
        Article a = BratAttributions.parse("x", text, "T1\tContent 0 13\tTold:\nThe end\nT2\tCue 0 4\tTold\n"
                + "E1\tAttribution:T2 Content:T1 Cue:T2\n", "x.ann");
        assertThat(a.relations()).singleElement().satisfies(r -> assertThat(r.content().get(0).of(text))
                .isEqualTo(text));
    }

    @Test
    void brat_malformedLines_areNamedWithFileAndLine() {
        assertThatThrownBy(() -> BratAttributions.parse("x", "short", "T1\tCue 2 99\tx\n", "x.ann"))
                .hasMessage("x.ann:1: span '2 99' is outside the text (5 code points) or reversed");
        assertThatThrownBy(() -> BratAttributions.parse("x", "short", "T1\tCue 0 1\ts\nE1\tAttribution:T1 Cue:T7\n",
                "x.ann")).hasMessage("x.ann:2: event E1 names 'T7', which no T line defines");
        assertThatThrownBy(() -> BratAttributions.parse("x", "short", "T1\tCue a b\ts\n", "x.ann"))
                .hasMessage("x.ann:1: offsets 'a b' are not numbers");
    }

    @Test
    void conll_readsTokensAndValues_withUnannotatedTokensAsNaN() throws IOException {
        List<ConllFactuality.Sentence> s = ConllFactuality.read(CORPORA.resolve("factuality/uw-dev.conll"));
        assertThat(s).hasSize(3);
        assertThat(s.get(0).text()).isEqualTo("The mayor said the bridge might reopen .");
        assertThat(s.get(0).values()[2]).isEqualTo(3.0);
        assertThat(s.get(0).values()[6]).isEqualTo(1.0);
        assertThat(s.get(0).values()[0]).isNaN();
        assertThat(s.get(1).line()).isEqualTo(10);
        assertThat(s.get(1).tokens()).containsExactly("It", "wo", "n't", "close", ".");
    }

    @Test
    void conll_badValues_areNamedWithFileLineAndColumn() {
        assertThatThrownBy(() -> ConllFactuality.parse("0\tx\t4.5\tNN\n", "f.conll"))
                .hasMessage("f.conll:1:3: factuality value 4.5 is outside [-3, 3]");
        assertThatThrownBy(() -> ConllFactuality.parse("0\tx\n", "f.conll"))
                .hasMessage("f.conll:1: expected at least 3 tab-separated columns (index, token, value), found 2: '0\tx'");
        assertThatThrownBy(() -> ConllFactuality.parse("0\tx\tyes\tNN\n", "f.conll"))
                .hasMessage("f.conll:1:3: factuality value 'yes' is not a number or '_'");
    }

    @Test
    void attributionScores_followTheWrittenMatchingCriteria() throws IOException {
        Article a = BratAttributions.readSplit(CORPORA.resolve("polnear/dev")).get(0);
        String t = a.text();
        // A front end that finds the mayor's "said" (with a source two words too long), marks "Officials" anonymous
        // but misses its cue, and sees an attribution in the last sentence, which has none.
        int s2 = t.indexOf("The bridge will reopen in May");
        int s3 = t.indexOf("Officials");
        int s4 = t.indexOf("It was");
        List<Analysis.Sentence> found = List.of(
                new Analysis.Sentence(new Analysis.Span(0, t.indexOf('\n')), true, List.of()),
                new Analysis.Sentence(new Analysis.Span(s2, t.indexOf("Monday.") + 7), false, List.of(
                        new Analysis.Attribution(span(t, "May, Mayor Ann Smith"), span(t, "said on"), false,
                                "neutral"))),
                new Analysis.Sentence(new Analysis.Span(s3, t.indexOf("planned.") + 8), false, List.of(
                        new Analysis.Attribution(span(t, "Officials"), null, true, "neutral"))),
                new Analysis.Sentence(new Analysis.Span(s4, t.length() - 1), false, List.of(
                        new Analysis.Attribution(null, span(t, "was"), false, "neutral"))));
        AttributionEval.Result r = AttributionEval.run(List.of(a), x -> found, 10);
        assertThat(r.sentence()).isEqualTo(new Score(2, 3, 2, 3));
        assertThat(r.source()).isEqualTo(new Score(2, 2, 2, 3));
        assertThat(r.cue()).isEqualTo(new Score(1, 2, 1, 3));
        assertThat(r.anonymous()).isEqualTo(new Score(1, 1, 1, 1));
        assertThat(r.byCue()).containsEntry("said", new Score(0, 0, 1, 2)).containsEntry(":", new Score(0, 0, 0, 1));
        assertThat(r.misses()).extracting(AttributionEval.Miss::cue, AttributionEval.Miss::spurious)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(":", false),
                        org.assertj.core.groups.Tuple.tuple("said", false),
                        org.assertj.core.groups.Tuple.tuple("was", true));
        assertThat(r.misses().get(2).sentence()).isEqualTo("It was a cold day.");
        assertThat(r.sentence().f1()).isCloseTo(2.0 / 3, within(1e-9));
    }

    @Test
    void anonymousGold_aNameOpeningASentence_isNotAnonymous_aCommonWordIs() {
        String text = "Headline\n\nCruz openly admitted it. Sen. Ted Cruz spoke later. O\u2019Malley\u2019s campaign says no."
                + " Officials said yes.";
        String ann = String.join("\n",
                src(text, 1, "Cruz"), src(text, 2, "O\u2019Malley\u2019s campaign"), src(text, 3, "Officials"),
                "T4\tCue " + text.indexOf("admitted") + " " + (text.indexOf("admitted") + 8) + "\tadmitted",
                "E1\tAttribution:T4 Source:T11", "E2\tAttribution:T4 Source:T12", "E3\tAttribution:T4 Source:T13");
        Article a = BratAttributions.parse("names", text, ann, "names.ann");
        assertThat(a.relations()).extracting(r -> AttributionEval.anonymousGold(a, r))
                .containsExactly(false, false, true);
    }

    private static String src(String text, int id, String phrase) {
        int at = text.indexOf(phrase);
        return "T" + (10 + id) + "\tSource " + at + " " + (at + phrase.length()) + "\t" + phrase;
    }

    @Test
    void anonymousGold_isAnUnnamedNonPronounPhrase() {
        assertThat(AttributionEval.anonymousGold("officials", false)).isTrue();
        assertThat(AttributionEval.anonymousGold("Officials", true)).isTrue();
        assertThat(AttributionEval.anonymousGold("A source close to the campaign", false)).isTrue();
        assertThat(AttributionEval.anonymousGold("a source close to Trump", false)).isTrue();
        assertThat(AttributionEval.anonymousGold("a senior White House official", false)).isTrue();
        assertThat(AttributionEval.anonymousGold("Trump aides", false)).isTrue();
        assertThat(AttributionEval.anonymousGold("Clinton's campaign manager", false)).isFalse();
        assertThat(AttributionEval.anonymousGold("Jane Doe, a spokeswoman", false)).isFalse();
        assertThat(AttributionEval.anonymousGold("records", false)).isFalse();
        assertThat(AttributionEval.anonymousGold("a new poll", false)).isFalse();
        assertThat(AttributionEval.anonymousGold("56 percent of voters", false)).isFalse();
        assertThat(AttributionEval.anonymousGold("Q", true)).isFalse();
        assertThat(AttributionEval.anonymousGold("Democrats", false)).isFalse();
        assertThat(AttributionEval.anonymousGold("he", false)).isFalse();
        assertThat(AttributionEval.anonymousGold("the senator", false)).isFalse();
        assertThat(AttributionEval.anonymousGold("the senator's aides", false)).isTrue();
        assertThat(AttributionEval.anonymousGold("The Post", true)).isFalse();
        // a party and state label after a name is no head of its own: the name is
        assertThat(AttributionEval.anonymousGold("Sen. Bernie Sanders (I-Vt.)", false)).isFalse();
        assertThat(AttributionEval.anonymousGold("Gov. John Kasich (R-OH)", false)).isFalse();
        assertThat(AttributionEval.anonymousGold("two officials (both in Ohio)", false)).isTrue();
    }

    @Test
    void factualityScores_pearsonAndMae_onKnownValues() throws IOException {
        List<ConllFactuality.Sentence> s = ConllFactuality.read(CORPORA.resolve("factuality/uw-dev.conll"));
        // gold: said 3, reopen 1, close -2.5; predicted 3, 0, -3
        FactualityEval.Result r = FactualityEval.run(s, tokens -> {
            double[] v = new double[tokens.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = switch (tokens.get(i)) {
                    case "said" -> 3;
                    case "reopen" -> 0;
                    default -> -3;
                };
            }
            return v;
        }, 5);
        assertThat(r.items()).isEqualTo(3);
        assertThat(r.mae()).isCloseTo((0 + 1 + 0.5) / 3, within(1e-9));
        assertThat(r.maeAllCertain()).isCloseTo((0 + 2 + 5.5) / 3, within(1e-9));
        // r of (3, 1, -2.5) against (3, 0, -3)
        assertThat(r.pearson()).isCloseTo(0.98783, within(1e-4));
        assertThat(r.byBand().get("negative (<= -1.5)").items()).isEqualTo(1);
        assertThat(r.misses()).isEmpty();
    }

    private static Analysis.Span span(String text, String words) {
        int i = text.indexOf(words);
        return new Analysis.Span(i, i + words.length());
    }
}
