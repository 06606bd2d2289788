package org.factlint.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.factlint.model.Claim;
import org.factlint.model.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class HeadlineStageTest {
    static final HeadlineStage STAGE = new HeadlineStage(Tables.DEFAULT);

    record Row(String headline, List<String> lower, List<String> kept, String cue, String factuality,
               String polarity) {
        @Override
        public String toString() {
            return headline;
        }
    }

    static Stream<Row> headlines() throws IOException {
        try (InputStream in = HeadlineStageTest.class.getResourceAsStream("headlines.fixture")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.split("\\|"))
                    .map(c -> new Row(c[0].strip(), words(c[1]), words(c[2]), c[3].strip(), c[4].strip(),
                            c[5].strip()))
                    .toList().stream();
        }
    }

    private static List<String> words(String cell) {
        return cell.isBlank() || cell.strip().equals("-") ? List.of() : List.of(cell.strip().split("\\s+"));
    }

    @ParameterizedTest
    @MethodSource("headlines")
    void aTitleCaseOrAllCapsHeadline_isFoldedForTagging_withItsNamesKept(Row row) {
        String folded = STAGE.fold(row.headline(), 0, row.headline().length());
        assertThat(folded).hasSameSizeAs(row.headline()).isEqualToIgnoringCase(row.headline());
        List<String> words = List.of(folded.split("[^\\p{L}']+"));
        assertThat(words).as(folded).containsAll(row.lower()).containsAll(row.kept());
    }

    @ParameterizedTest
    @MethodSource("headlines")
    void aHeadlineAlone_keepsItsCuesModalsAndNegation(Row row) {
        Document doc = ArticleText.parse(row.headline());
        Claim h = doc.claims().stream().filter(Claim::headline).findFirst().orElseThrow();
        if (row.cue().equals("-")) {
            assertThat(h.cues()).isEmpty();
        } else {
            assertThat(h.cues()).extracting(c -> c.category().name().toLowerCase(Locale.ROOT)).contains(row.cue());
        }
        assertThat(h.factuality().name().toLowerCase(Locale.ROOT)).isEqualTo(row.factuality());
        assertThat(h.polarity().name().toLowerCase(Locale.ROOT)).isEqualTo(row.polarity());
        // the claim quotes the headline as written, not folded
        assertThat(h.text()).isEqualTo(row.headline());
    }

    @Test
    void aHeadlineInSentenceCase_isLeftAsItIs() {
        String h = "Putin invited the president of Turkmenistan to the Victory Day parade";
        assertThat(STAGE.caseOf(h)).isEqualTo(HeadlineStage.Case.SENTENCE);
        assertThat(STAGE.fold(h, 0, h.length())).isSameAs(h);
    }

    @Test
    void aWordTheBodyCapitalises_staysAName_andOneItWritesInLowerCaseIsFolded() {
        String text = "Gazprom Halts Flows Through Pipeline\n\nThe pipeline was shut, Gazprom said on Monday.\n";
        String folded = STAGE.fold(text, 0, text.indexOf('\n'));
        assertThat(folded).startsWith("Gazprom Halts Flows through pipeline\n");
        String caps = "GAZPROM HALTS FLOWS THROUGH PIPELINE\n\nThe pipeline was shut, Gazprom said.\n";
        assertThat(STAGE.fold(caps, 0, caps.indexOf('\n'))).startsWith("Gazprom Halts Flows through pipeline\n");
    }
}
