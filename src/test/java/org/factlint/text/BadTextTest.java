package org.factlint.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.factlint.model.Document;
import org.junit.jupiter.api.Test;

class BadTextTest {
    @Test
    void emptyText_isRefused_namingTheHeadline() {
        assertThatThrownBy(() -> ArticleText.parse("")).isInstanceOf(ArticleTextException.class)
                .hasMessage("the article has no text: the first line must be the headline");
        assertThatThrownBy(() -> ArticleText.parse("  \n\n ")).isInstanceOf(ArticleTextException.class)
                .hasMessage("the article has no text: the first line must be the headline");
    }

    @Test
    void aHeadlineWithNoBody_givesTheHeadlineClaim_andItsAttribution() {
        Document d = ArticleText.parse("Kremlin: Putin Will Attend the Summit in Geneva");
        assertThat(d.claims()).hasSize(1);
        assertThat(d.claims().get(0).headline()).isTrue();
        assertThat(d.claims().get(0).attribution()).extracting(a -> a.source()).containsExactly("kremlin");
        assertThat(d.claims().get(0).attribution()).extracting(a -> a.cue()).containsExactly(":");
    }

    @Test
    void json_isRefused_asNotArticleText() {
        assertThatThrownBy(() -> ArticleText.parse("{\"article\": {\"id\": \"x\"}, \"claims\": []}"))
                .isInstanceOf(ArticleTextException.class)
                .hasMessage("this is JSON, not article text: give claims JSON a .json file name (factlint check reads"
                        + " it as claims)");
        assertThatThrownBy(() -> ArticleText.parse("  [1, 2, 3]\n")).hasMessageStartingWith("this is JSON");
        // a headline that opens with a bracket is still text
        assertThat(ArticleText.parse("[Updated] Mayor says the bridge will reopen\n\nThe mayor said so.").claims())
                .isNotEmpty();
    }

    @Test
    void binaryData_isRefused_withWhereItStarts() {
        assertThatThrownBy(() -> ArticleText.parse("Headline\nPK\u0003\u0004 binary"))
                .isInstanceOf(ArticleTextException.class)
                .hasMessage("this is not article text: character U+0003 at line 2, column 3 is binary data");
    }

    @Test
    void mixedScripts_areRead_withoutLosingTheLatinClaims() {
        Document d = ArticleText.parse("Putin invites Rahmon\n\nПутин пригласил Рахмона в Москву. Rahmon said he"
                + " would come to Moscow. 拉赫蒙说他会来.");
        assertThat(d.claims()).anySatisfy(c -> assertThat(c.text()).startsWith("Rahmon said he would come"));
        assertThat(d.claims()).allSatisfy(c -> assertThat(d.article().text()).contains(c.text()));
    }
}
