package org.factlint.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Properties;

import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTagFormat;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.tokenize.TokenizerFactory;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The speed-ups of {@link Nlp} change nothing the models say: the tagger decoded by {@link TopKBeamSearch} gives
 * OpenNLP's own {@code POSTaggerME} tags, and the tokenizer with the alphanumeric shortcut OpenNLP's tokens, on
 * every sentence of the seed article and of the attribution test sentences.
 */
class SameModelsTest {
    private static POSModel tags;
    private static TokenizerModel tokens;
    private static List<String> sentences;

    @BeforeAll
    static void load() throws IOException {
        for (URL u : Collections.list(SameModelsTest.class.getClassLoader().getResources("model.properties"))) {
            Properties p = new Properties();
            try (var in = u.openStream()) {
                p.load(in);
            }
            String name = p.getProperty("model.name", "");
            String base = u.toString().substring(0, u.toString().length() - "model.properties".length());
            if (name.contains("-en-") && name.contains("-pos-")) {
                tags = new POSModel(new URL(base + name));
            } else if (name.contains("-en-") && name.contains("-tokens-")) {
                tokens = new TokenizerModel(new URL(base + name));
            }
        }
        sentences = new ArrayList<>();
        String seed = Nlp.normalize(Files.readString(Path.of("seeds/moscow-times-victory-parade-invitations.txt"),
                StandardCharsets.UTF_8));
        sentences.addAll(List.of(seed.split("(?<=[.!?])\\s+")));
        for (String line : Files.readAllLines(Path.of("src/test/resources/attribution/sentences.tsv"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                sentences.add(Nlp.normalize(line.split("\t")[1]));
            }
        }
    }

    @Test
    void theTopKBeamSearch_givesOpenNlpsTags() {
        POSTaggerME plain = new POSTaggerME(tags, POSTagFormat.UD);
        POSTaggerME fast = new POSTaggerME(TopKBeamSearch.wrap(tags), POSTagFormat.UD);
        TokenizerME tokenizer = new TokenizerME(tokens);
        int compared = 0;
        for (String s : sentences) {
            String[] words = tokenizer.tokenize(s);
            if (words.length > 0) {
                assertThat(fast.tag(words)).as(s).containsExactly(plain.tag(words));
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(30);
    }

    @Test
    void theAlphanumericShortcut_givesOpenNlpsTokens() {
        TokenizerME plain = new TokenizerME(tokens);
        TokenizerME fast = new TokenizerME(new TokenizerModel(tokens.getMaxentModel(), new HashMap<>(),
                new TokenizerFactory("en", tokens.getAbbreviations(), true, null)));
        for (String s : sentences) {
            assertThat(fast.tokenizePos(s)).as(s).containsExactly(plain.tokenizePos(s));
        }
    }
}
