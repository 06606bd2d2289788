package org.factlint.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class AttributorTest {
    static final Path SENTENCES = Path.of("src/test/resources/attribution/sentences.tsv");

    /** Each fixture sentence gives exactly its source, cue and anonymity as its first attribution. */
    @TestFactory
    Stream<DynamicTest> eachFixtureSentence_findsItsSourceAndCue() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String line : Files.readAllLines(SENTENCES, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] c = line.split("\t", -1);
            boolean headline = c[0].equals("h");
            String sentence = c[1];
            tests.add(DynamicTest.dynamicTest(sentence, () -> {
                String text = headline ? sentence + "\n\nBody." : "Headline\n\n" + sentence;
                List<Analysis.Sentence> found = Analysis.attributions(text);
                Analysis.Sentence s = found.get(headline ? 0 : 1);
                if (c[3].equals("-")) {
                    assertThat(s.attributions()).as("attributions of '%s'", sentence).isEmpty();
                    return;
                }
                assertThat(s.attributions()).as("attributions of '%s'", sentence).isNotEmpty();
                Analysis.Attribution a = s.attributions().stream()
                        .filter(x -> text.substring(x.cue().start(), x.cue().end()).equals(c[3])).reduce((x, y) -> y)
                        .orElseThrow(() -> new AssertionError("no cue '" + c[3] + "' in " + s.attributions()));
                assertThat(a.source() == null ? "-" : text.substring(a.source().start(), a.source().end()))
                        .as("source").isEqualTo(c[2]);
                assertThat(a.anonymous()).as("anonymous").isEqualTo(c[4].equals("a"));
            }));
        }
        return tests.stream();
    }

    @Test
    void cueTypes_comeFromTheTable_neutralFactiveDenying() {
        List<Analysis.Sentence> s = Analysis.attributions("Headline\n\nSmith said it. Jones admitted it. Lee denied it.");
        assertThat(s.subList(1, 4)).extracting(x -> x.attributions().get(0).type())
                .containsExactly("neutral", "factive", "denying");
    }

    @Test
    void theReportingTable_hasAtLeast150Rows_andEveryVerbHasItsInflections() {
        assertThat(Tables.DEFAULT.attributor.size()).isGreaterThanOrEqualTo(150);
        assertThat(Attributor.inflections("note")).containsExactly("notes", "noted", "noting");
        assertThat(Attributor.inflections("deny")).containsExactly("denies", "denied", "denying");
        assertThat(Attributor.inflections("stress")).containsExactly("stresses", "stressed", "stressing");
    }

    @Test
    void aBadRowInTheTable_isNamedWithItsValueAndTheChoices() {
        assertThatThrownBy(() -> new Attributor(List.<String[]>of(new String[] {"say", "verb", "sure", "", "", "speech"})))
                .hasMessage("reporting.csv: 'say': unknown type 'sure' (expected neutral, factive or denying)");
        assertThatThrownBy(() -> new Attributor(List.<String[]>of(new String[] {"say", "verbb", "neutral", "", "", "speech"})))
                .hasMessage("reporting.csv: 'say': unknown kind 'verbb' (expected verb, noun, phrase or adverb)");
    }

    private static List<String> cues(String sentence) {
        String text = "Headline\n\n" + sentence;
        return Analysis.attributions(text).get(1).attributions().stream()
                .map(a -> text.substring(a.cue().start(), a.cue().end())).toList();
    }

    @Test
    void aStanceInsideWhatASpeechCueReports_isPartOfThatContent_notAnAttributionOfItsOwn() {
        assertThat(cues("The council wants a new bridge.")).containsExactly("wants");
        assertThat(cues("The mayor said the council wanted a new bridge.")).containsExactly("said");
        assertThat(cues("The mayor said the council had told him it would pay.")).containsExactly("said", "told");
    }

    @Test
    void aFirstOrSecondPersonStance_isHowASpeakerTalks_notAnAttribution() {
        assertThat(cues("I think the bridge is safe.")).isEmpty();
        assertThat(cues("You know, the bridge is safe.")).isEmpty();
        assertThat(cues("She thinks the bridge is safe.")).containsExactly("thinks");
        assertThat(cues("I said the bridge is safe.")).containsExactly("said");
    }

    @Test
    void twoApostrophesAsAQuotationMark_openAndCloseAQuotation() {
        String norm = Nlp.normalize("He called it ''a disgrace.'' Then he left.");
        assertThat(norm).isEqualTo("He called it  \"a disgrace.\"  Then he left.").hasSameSizeAs("He called it ''a disgrace.'' Then he left.");
        assertThat(Nlp.normalize("the ''so-called'' plan")).isEqualTo("the  \"so-called\"  plan");
    }

    @Test
    void aDocumentOrAFigure_isNoAnonymousSource_aPersonOrGroupUnnamedIs() {
        String text = "Headline\n\nRecords show the bridge was unsafe. Residents said the bridge was unsafe.";
        List<Analysis.Sentence> s = Analysis.attributions(text);
        assertThat(s.get(1).attributions()).extracting(Analysis.Attribution::anonymous).containsExactly(false);
        assertThat(s.get(2).attributions()).extracting(Analysis.Attribution::anonymous).containsExactly(true);
    }

    @Test
    void aNounForPeople_isListedInThePluralAndFoundInTheSingularToo() {
        ClauseStance c = Tables.DEFAULT.attributor.clauses();
        assertThat(List.of("officials", "official", "spokesman", "spokesperson", "police", "crowd"))
                .allMatch(c::people);
        assertThat(List.of("bridge", "figures", "poll", "week")).noneMatch(c::people);
    }

    @Test
    void aClauseReading_givesTheVerbsLemmaAsAStance_neverASpeechCue() {
        Analysis.Sentence s = Analysis.attributions("Headline\n\nAnalysts fret that the figures are early.").get(1);
        assertThat(s.attributions()).extracting(Analysis.Attribution::type).containsExactly("neutral");
        assertThat(ClauseStance.entry(new Nlp.Token(0, 4, "Fret", "VERB", "Fret")))
                .isEqualTo(new Attributor.Entry("fret", Attributor.Kind.VERB, "neutral", false, false));
    }
}
