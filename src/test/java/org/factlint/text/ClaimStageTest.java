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

    @Test
    void aClauseAfterCommaBut_isAClaimOfItsOwn_thatTheCueBeforeItDoesNotReach() {
        Document doc = ArticleText.parse("""
                ---
                date: 2023-05-08
                ---
                Plans

                Tajik President Emomali Rahmon was invited to Moscow for Victory Day.
                His press service said that he had not yet decided whether he would come to the events in Russia, but he would definitely participate in the May 9 celebrations in Dushanbe.
                """);
        java.util.List<Claim> both = doc.claims().stream().filter(c -> c.text().startsWith("His press service")).toList();
        assertThat(both).hasSize(2);
        Claim undecided = both.get(0);
        Claim dushanbe = both.get(1);
        assertThat(undecided.factuality()).isEqualTo(org.factlint.model.Factuality.UNKNOWN);
        assertThat(undecided.cues()).extracting(org.factlint.model.Cue::text).contains("had not yet decided whether");
        assertThat(undecided.place()).isEqualTo("russia");
        assertThat(dushanbe.subject()).isEqualTo("emomali-rahmon");
        assertThat(dushanbe.predicate()).isEqualTo("attend");
        assertThat(dushanbe.object()).isEqualTo("victory-day");
        assertThat(dushanbe.place()).isEqualTo("dushanbe");
        assertThat(dushanbe.when().from()).isEqualTo(java.time.LocalDate.of(2023, 5, 9));
        assertThat(dushanbe.factuality()).isEqualTo(org.factlint.model.Factuality.PROBABLE); // "would"
        assertThat(dushanbe.polarity()).isEqualTo(Polarity.AFFIRMED);
        assertThat(dushanbe.cues()).extracting(org.factlint.model.Cue::text).contains("definitely")
                .doesNotContain("had not yet decided whether");
        // both clauses are what the press service said
        assertThat(dushanbe.attribution()).isEqualTo(undecided.attribution()).isNotEmpty();
    }

    @Test
    void aClauseAfterCommaAnd_sharesTheCueBeforeIt_andAFigureOfPeopleTakingPart_countsTheEventsParticipants() {
        Document doc = ArticleText.parse("""
                Parade

                Tens of thousands watched the Victory Day parade in Moscow last year.
                It is expected that parades will be held in 28 cities, and more than 10 thousand people will take part in the parade on Red Square, the minister said.
                """);
        java.util.List<Claim> both = doc.claims().stream().filter(c -> c.text().startsWith("It is expected")).toList();
        assertThat(both).hasSize(2);
        assertThat(both.get(0).quantity().value()).isEqualTo(28);
        Claim count = both.get(1);
        assertThat(count.predicate()).isEqualTo("participants");
        assertThat(doc.entities()).filteredOn(e -> e.id().equals(count.subject()))
                .extracting(org.factlint.model.Entity::name).containsExactly("Victory Day parade on Red Square");
        assertThat(count.object()).isNull();
        assertThat(count.quantity().value()).isEqualTo(10_000);
        assertThat(count.quantity().unit()).isEqualTo("people");
        // Red Square is a landmark of Moscow (places.csv): the claim is placed in the city
        assertThat(count.place()).isEqualTo("moscow");
        // "It is expected that A, and B": B is expected too
        assertThat(count.factuality()).isEqualTo(org.factlint.model.Factuality.PROBABLE);
        assertThat(count.cues()).extracting(org.factlint.model.Cue::text).contains("It is expected");
    }

    @Test
    void notOnlyButAlso_andACommaButWithNoClauseAfterIt_doNotSplitTheSentence() {
        Document doc = ArticleText.parse("""
                Drones

                Not only police officers, but also volunteers were sent to guard the parade in Moscow.
                The parade in Moscow was short, but impressive.
                """);
        assertThat(doc.claims().stream().filter(c -> c.text().startsWith("Not only"))).hasSize(1);
        assertThat(doc.claims().stream().filter(c -> c.text().startsWith("The parade in Moscow"))).hasSize(1);
    }
}
