package org.factlint.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.factlint.model.CueCategory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Measures the cue lexicon against sentences written for the project with hand labels (src/test/resources/cues/
 * labelled.tsv): per category, which labelled categories the finder reports for each sentence. Prints the table
 * (figures for the README) and holds the lexicon to a floor so a bad edit shows.
 */
class CueLexiconTest {
    record Labelled(String sentence, Set<CueCategory> expected) {
    }

    static List<Labelled> sentences;

    @BeforeAll
    static void read() throws IOException {
        sentences = new ArrayList<>();
        try (InputStream in = CueLexiconTest.class.getResourceAsStream("/cues/labelled.tsv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t");
                assertThat(cells).as("labelled.tsv line %d: sentence<TAB>categories", i + 1).hasSize(2);
                Set<CueCategory> expected = EnumSet.noneOf(CueCategory.class);
                if (!cells[1].strip().equals("-")) {
                    for (String c : cells[1].split(",")) {
                        expected.add(CueCategory.valueOf(c.strip().toUpperCase(Locale.ROOT)));
                    }
                }
                sentences.add(new Labelled(cells[0], expected));
            }
        }
    }

    static Set<CueCategory> found(String sentence) {
        String norm = Nlp.normalize(sentence);
        Set<CueCategory> out = EnumSet.noneOf(CueCategory.class);
        Tables.DEFAULT.cues.find(norm, 0, norm.length()).forEach(f -> out.add(f.category()));
        return out;
    }

    @Test
    void labelledSet_hasAtLeastTwentySentences_coveringEveryCategory() {
        assertThat(sentences).hasSizeGreaterThanOrEqualTo(20);
        Set<CueCategory> covered = EnumSet.noneOf(CueCategory.class);
        sentences.forEach(s -> covered.addAll(s.expected()));
        assertThat(covered).containsExactlyInAnyOrder(CueCategory.values());
    }

    @Test
    void cueLexicon_meetsItsPrecisionAndRecallFloor_onHandLabelledSentences() {
        Map<CueCategory, int[]> counts = new EnumMap<>(CueCategory.class); // tp, fp, fn
        for (CueCategory c : CueCategory.values()) {
            counts.put(c, new int[3]);
        }
        List<String> misses = new ArrayList<>();
        for (Labelled l : sentences) {
            Set<CueCategory> got = found(l.sentence());
            for (CueCategory c : CueCategory.values()) {
                boolean want = l.expected().contains(c);
                boolean have = got.contains(c);
                if (want && have) {
                    counts.get(c)[0]++;
                } else if (have) {
                    counts.get(c)[1]++;
                    misses.add("false " + c + ": " + l.sentence());
                } else if (want) {
                    counts.get(c)[2]++;
                    misses.add("missed " + c + ": " + l.sentence());
                }
            }
        }
        int tp = 0;
        int fp = 0;
        int fn = 0;
        StringBuilder table = new StringBuilder("| category | labelled | found | precision | recall |\n|---|---|---|---|---|\n");
        for (Map.Entry<CueCategory, int[]> e : counts.entrySet()) {
            int[] n = e.getValue();
            tp += n[0];
            fp += n[1];
            fn += n[2];
            table.append(String.format(Locale.ROOT, "| %s | %d | %d | %s | %s |%n", e.getKey().name().toLowerCase(Locale.ROOT),
                    n[0] + n[2], n[0] + n[1], ratio(n[0], n[0] + n[1]), ratio(n[0], n[0] + n[2])));
        }
        double precision = tp / (double) (tp + fp);
        double recall = tp / (double) (tp + fn);
        table.append(String.format(Locale.ROOT, "| **all** | %d | %d | %s | %s |%n", tp + fn, tp + fp,
                ratio(tp, tp + fp), ratio(tp, tp + fn)));
        System.out.println("Cue lexicon on " + sentences.size() + " hand-labelled sentences:\n" + table);
        misses.forEach(m -> System.out.println("  " + m));

        assertThat(precision).as("overall cue precision").isGreaterThanOrEqualTo(0.85);
        assertThat(recall).as("overall cue recall").isGreaterThanOrEqualTo(0.80);
    }

    private static String ratio(int a, int b) {
        return b == 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", a / (double) b);
    }
}
