package org.factlint.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.factlint.model.Claim;
import org.factlint.model.Document;
import org.junit.jupiter.api.Test;

class QuotationSpeakerTest {
    static Claim claimWith(Document d, String words) {
        return d.claims().stream().filter(c -> c.text().contains(words)).findFirst().orElseThrow();
    }

    @Test
    void aQuotationOverSeveralSentences_hasTheSpeakerNamedWhereItCloses() {
        Document d = ArticleText.parse("Mayor defends the bridge\n\n"
                + "\"The bridge is safe. Engineers inspected the bridge in May. We will reopen it,\" Mayor Ann Smith"
                + " said.\n\nThe council met on Tuesday.");
        // the closing sentence names the speaker; the sentences before it in the quotation get her too
        assertThat(claimWith(d, "The bridge is safe").attribution()).extracting(a -> a.source())
                .containsExactly("ann-smith");
        assertThat(claimWith(d, "Engineers inspected the bridge").attribution())
                .extracting(a -> a.source()).containsExactly("ann-smith");
        // the next paragraph is not part of the quotation
        assertThat(claimWith(d, "The council met").attribution()).isEmpty();
    }

    @Test
    void aPronounSpeaker_isNotResolvedToANameInsideTheQuotation() {
        Document d = ArticleText.parse("Senator speaks\n\nSenator Jane Doe spoke on Monday.\n\n"
                + "\"As a friend of John Smith, I know the bridge is safe,\" she said.");
        Claim quote = claimWith(d, "As a friend of John Smith");
        assertThat(quote.attribution()).singleElement().satisfies(a -> assertThat(a.source()).contains("jane-doe"));
    }
}
