package org.factlint.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.factlint.model.Claim;
import org.factlint.model.Document;
import org.junit.jupiter.api.Test;

/** The text front end names predicates with the pack's predicate table (lexicon/predicates.csv). */
class PredicateFormsTest {
    private static String predicateOf(String sentence, Tables tables) {
        Document doc = ArticleText.parse("Victory Day in Moscow\n\n" + sentence, "a", tables);
        return doc.claims().stream().filter(c -> !c.headline()).map(Claim::predicate).findFirst().orElseThrow();
    }

    private static String predicateOf(String sentence) {
        return predicateOf(sentence, Tables.DEFAULT);
    }

    @Test
    void aVerbFormOfThePacksTable_givesItsCanonicalPredicate() {
        assertThat(predicateOf("Rahmon took part in the parade on Red Square.")).isEqualTo("attend")
                .isEqualTo(predicateOf("Rahmon attended the parade on Red Square."));
        assertThat(predicateOf("Rahmon accepted the invitation.")).isEqualTo("accept-invitation");
        assertThat(predicateOf("Rahmon stayed away from the parade.")).isEqualTo("stay-away");
        assertThat(predicateOf("Putin called Rahmon on May 5.")).isEqualTo("phone-call");
    }

    @Test
    void aVerbRowAddedToACopyOfTheTable_changesTheExtractedPredicate_withNoJavaEdit() throws IOException {
        String sentence = "Rahmon turned up at the parade on Red Square.";
        assertThat(predicateOf(sentence)).as("an unknown verb keeps its lemma").isEqualTo("turn");

        String copy = bundledTable() + "attend,verb,turn up at\n";
        assertThat(predicateOf(sentence, Tables.DEFAULT.with(PredicateForms.read(copy)))).isEqualTo("attend");
    }

    @Test
    void aBadRowInTheTable_isNamedWithItsLineAndColumn() {
        assertThatThrownBy(() -> PredicateForms.read("predicate,relation,other\nattend,verbs,turn up at\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("lexicon/predicates.csv:2:8: unknown predicate relation 'verbs' (expected one of: ");
    }

    private static String bundledTable() throws IOException {
        try (InputStream in = PredicateForms.class.getClassLoader().getResourceAsStream(PredicateForms.BUNDLED)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
