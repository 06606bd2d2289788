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

class FactualityStageTest {
    static String band(double v) {
        double a = Math.abs(v);
        String b = a >= 2.5 ? "certain" : a >= 1.5 ? "probable" : a >= 0.5 ? "possible" : "unknown";
        return v <= -0.5 ? "negated " + b : b;
    }

    /** Raw sentences go through the tokenizer (contractions split) and the factuality stage. */
    @TestFactory
    Stream<DynamicTest> eachFixtureSentence_givesItsPredicateTheExpectedFactuality() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        List<String> lines = Files.readAllLines(Path.of("src/test/resources/factuality-sentences.tsv"),
                StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            if (line.startsWith("#") || line.isBlank() || line.startsWith("sentence\t")) {
                continue;
            }
            String[] c = line.split("\t");
            tests.add(DynamicTest.dynamicTest(c[0] + " [" + c[1] + "]", () -> {
                List<Nlp.Token> tokens = Nlp.analyse(Nlp.normalize(c[0]), 0).get(0).tokens();
                double[] v = Tables.DEFAULT.factuality.values(tokens);
                int i = 0;
                while (!tokens.get(i).text().equals(c[1])) {
                    i++;
                }
                assertThat(band(v[i])).as("'%s' in '%s' (value %s)", c[1], c[0], v[i]).isEqualTo(c[2]);
            }));
        }
        return tests.stream();
    }

    @Test
    void wont_isSplitIntoWillAndNot_keepingItsSpans() {
        List<Nlp.Token> t = Nlp.analyse("They won't go.", 0).get(0).tokens();
        assertThat(t).extracting(Nlp.Token::text).containsExactly("They", "will", "not", "go", ".");
        assertThat("They won't go.".substring(t.get(1).start(), t.get(2).end())).isEqualTo("won't");
        assertThat("They won't go.".substring(t.get(2).start(), t.get(2).end())).isEqualTo("n't");
    }

    @Test
    void aBadRowInTheTable_isNamed() {
        assertThatThrownBy(() -> new FactualityStage(List.<String[]>of(new String[] {"may", "modal", "5"})))
                .hasMessage("factuality.csv: 'may': value 5 is outside [-3, 3]");
        assertThatThrownBy(() -> new FactualityStage(List.<String[]>of(new String[] {"may", "moodal", "1"})))
                .hasMessage("factuality.csv: 'may': unknown role 'moodal'");
    }
}
