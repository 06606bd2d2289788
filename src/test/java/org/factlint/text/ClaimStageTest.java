package org.factlint.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.factlint.model.Claim;
import org.factlint.model.Document;
import org.factlint.model.Polarity;
import org.factlint.model.Relation;
import org.factlint.model.RelationType;
import org.junit.jupiter.api.Test;

class ClaimStageTest {
    private static Claim claim(Document doc, String words) {
        return doc.claims().stream().filter(c -> !c.headline() && c.text().contains(words)).findFirst()
                .orElseThrow(() -> new AssertionError("no claim with '" + words + "' in " + doc.claims()));
    }

    @Test
    void theOnlyNToVIsX_givesXAsTheSubject_andTheInfinitiveAsThePredicate() {
        Document doc = ArticleText.parse("""
                Guests

                Russian President Vladimir Putin hosted the Victory Day celebrations in Moscow.
                The only foreign leader to join the celebrations is Kyrgyz President Sadyr Japarov.
                """);
        Claim c = claim(doc, "The only foreign leader");
        assertThat(c.subject()).isEqualTo("sadyr-japarov");
        assertThat(c.predicate()).isEqualTo("attend");
        assertThat(c.object()).isEqualTo("victory-day");
    }

    @Test
    void thereWereNoGuestsAtTheEvent_isANegatedClaimThatTheGroupAttended() {
        Document doc = ArticleText.parse("""
                Guests

                Kyrgyz President Sadyr Japarov attended the Victory Day parade in Moscow.
                There were no guests at the event in 2021.
                """);
        Claim c = claim(doc, "no guests");
        assertThat(c.subject()).isEqualTo("foreign-leader");
        assertThat(c.predicate()).isEqualTo("attend");
        assertThat(c.object()).isEqualTo("victory-day");
        assertThat(c.polarity()).isEqualTo(Polarity.NEGATED);
        assertThat(c.when().from().getYear()).isEqualTo(2021);
        assertThat(doc.entities()).anySatisfy(e -> {
            assertThat(e.name()).isEqualTo("Sadyr Japarov");
            assertThat(e.groups()).containsExactly("foreign-leader");
        });
    }

    @Test
    void aNonConfirmation_questionsTheEarlierClaimAboutTheSameEvent_notJustTheNearestAboutThePeople() {
        Document doc = ArticleText.parse("""
                A Call

                Putin spoke with Serdar Berdimuhamedov in a telephone conversation, Turkmen media said.
                Serdar Berdimuhamedov thanked Putin.
                The Kremlin has not yet confirmed Putin's telephone conversation with Serdar Berdimuhamedov.
                """);
        Claim call = claim(doc, "in a telephone conversation");
        assertThat(claim(doc, "has not yet confirmed").relations())
                .containsExactly(new Relation(RelationType.QUESTIONS, call.id()));
    }

    @Test
    void thisYear_isTheArticlesYear_whenItsDateIsKnown() {
        Document doc = ArticleText.parse("""
                ---
                date: 2023-05-08
                ---
                Parade

                Japarov attended the parade in Moscow this year.
                """);
        assertThat(claim(doc, "this year").when().from()).isEqualTo(java.time.LocalDate.of(2023, 1, 1));
        assertThat(claim(doc, "this year").when().to()).isEqualTo(java.time.LocalDate.of(2023, 12, 31));
    }
}
