package org.factlint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.factlint.DocBuilder.article;
import static org.factlint.DocBuilder.claim;

import java.time.LocalDate;
import java.util.List;
import org.factlint.model.CueCategory;
import org.factlint.model.Document;
import org.factlint.model.Factuality;
import org.factlint.model.Qualifier;
import org.factlint.model.RelationType;
import org.factlint.model.SourceKind;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each rule of the default pack, made to fire and kept from firing. The pack compiles once per JVM. */
class DefaultRulesTest {
    static final Checker CHECKER = Factlint.checker();
    static final LocalDate MAY_9 = LocalDate.of(2023, 5, 9);

    static List<List<String>> flagged(String code, Document... docs) {
        return CHECKER.check(docs).flags(code).stream().map(Flag::claims).toList();
    }

    /** Turkmen state media reports a Russian–Turkmen call: an interested single source. */
    static DocBuilder turkmenReport() {
        return article("a")
                .source("tdh", SourceKind.STATE_MEDIA, "Turkmenistan")
                .entity("putin", "Vladimir Putin", "Russia")
                .entity("berdi", "Serdar Berdimuhamedov", "Turkmenistan")
                .claim(claim("c1", "putin", "invite").object("berdi").saidBy("tdh", "reported"));
    }

    /** The Kremlin, in another article, confirms the same invitation. */
    static Document kremlinConfirms() {
        return article("b")
                .source("kremlin", SourceKind.PRESS_SERVICE, "Russia")
                .entity("putin", "Vladimir Putin", "Russia")
                .entity("berdy", "Serdar Berdymukhammedov", "Turkmenistan")
                .claim(claim("k1", "putin", "invite").object("berdy").saidBy("kremlin", "confirmed"))
                .build();
    }

    @Nested
    class SingleInterestedSource {
        @Test
        void flagsClaim_whenOnlyOnePartyToTheEventReportsIt() {
            assertThat(flagged("UNC-SINGLE-INTERESTED", turkmenReport().build())).containsExactly(List.of("a:c1"));
        }

        @Test
        void doesNotFlag_whenTheOtherPartyConfirmsInAnotherArticle_evenSpelledDifferently() {
            assertThat(flagged("UNC-SINGLE-INTERESTED", turkmenReport().build(), kremlinConfirms())).isEmpty();
        }

        @Test
        void doesNotFlag_whenTheReporterSpeaksForNeitherParty() {
            Document doc = article("a")
                    .source("wire", SourceKind.WIRE_AGENCY, null)
                    .entity("putin", "Vladimir Putin", "Russia")
                    .entity("berdi", "Serdar Berdimuhamedov", "Turkmenistan")
                    .claim(claim("c1", "putin", "invite").object("berdi").saidBy("wire", "reported"))
                    .build();
            assertThat(flagged("UNC-SINGLE-INTERESTED", doc)).isEmpty();
        }

        @Test
        void doesNotCountAConfirmationFromTheSameParty() {
            Document sameParty = article("b")
                    .source("tm-president", SourceKind.OFFICIAL, "Turkmenistan")
                    .entity("putin", "Vladimir Putin", "Russia")
                    .entity("berdi", "Serdar Berdimuhamedov", "Turkmenistan")
                    .claim(claim("t1", "putin", "invite").object("berdi").saidBy("tm-president", "said"))
                    .build();
            assertThat(flagged("UNC-SINGLE-INTERESTED", turkmenReport().build(), sameParty)).contains(List.of("a:c1"));
        }

        @Test
        void doesNotCountTwoOutletsCitingTheSameAgency_asIndependent() {
            Document relay = article("b")
                    .source("tdh", SourceKind.STATE_MEDIA, "Turkmenistan")
                    .entity("putin", "Vladimir Putin", "Russia")
                    .entity("berdi", "Serdar Berdimuhamedov", "Turkmenistan")
                    .claim(claim("r1", "putin", "invite").object("berdi").saidBy("tdh", "reported"))
                    .build();
            assertThat(flagged("UNC-SINGLE-INTERESTED", turkmenReport().build(), relay))
                    .containsExactlyInAnyOrder(List.of("a:c1"), List.of("b:r1"));
        }
    }

    @Nested
    class NotConfirmed {
        DocBuilder withNonConfirmation() {
            return turkmenReport().claim(claim("c2", "putin", "phone-call").object("berdi")
                    .factuality(Factuality.UNKNOWN)
                    .cue(CueCategory.NON_CONFIRMATION, "has not yet officially confirmed")
                    .relation(RelationType.QUESTIONS, "c1"));
        }

        @Test
        void flagsQuestionedClaimAndTheNonConfirmation_withTheTriggerWords() {
            Report report = CHECKER.check(withNonConfirmation().build());
            assertThat(report.flags("UNC-NONCONFIRMED")).singleElement().satisfies(f -> {
                assertThat(f.claims()).containsExactly("a:c1", "a:c2");
                assertThat(f.evidence()).containsExactly("has not yet officially confirmed");
                assertThat(f.severity()).isEqualTo(Severity.HIGH);
                assertThat(f.message()).contains("is not confirmed").contains("has not yet officially confirmed");
            });
        }

        @Test
        void doesNotFlag_onceAnIndependentSourceConfirmsTheQuestionedClaim() {
            assertThat(flagged("UNC-NONCONFIRMED", withNonConfirmation().build(), kremlinConfirms())).isEmpty();
        }

        @Test
        void flagsAStandaloneNonConfirmation_thatNamesNoClaim() {
            Document doc = article("a").entity("x", "Some Minister")
                    .claim(claim("c1", "x", "resign").factuality(Factuality.UNKNOWN)
                            .cue(CueCategory.NON_CONFIRMATION, "could not be independently verified"))
                    .build();
            assertThat(flagged("UNC-NONCONFIRMED", doc)).containsExactly(List.of("a:c1"));
        }

        @Test
        void doesNotFlagAStandaloneNonConfirmation_onceAnotherArticleSettlesIt() {
            Document open = article("a").entity("x", "Some Minister")
                    .claim(claim("c1", "x", "resign").factuality(Factuality.UNKNOWN)
                            .cue(CueCategory.NON_CONFIRMATION, "could not be independently verified"))
                    .build();
            Document settled = article("b").entity("x", "Some Minister").claim(claim("s1", "x", "resign")).build();
            assertThat(flagged("UNC-NONCONFIRMED", open, settled)).isEmpty();
        }
    }

    @Nested
    class OpenQuestions {
        Document unspecified() {
            return turkmenReport().claim(claim("c3", "berdi", "accept-invitation").object("putin")
                    .factuality(Factuality.UNKNOWN).cue(CueCategory.UNSPECIFIED, "did not specify whether")).build();
        }

        Document accepted(RelationType relation) {
            DocBuilder b = article("b").entity("putin", "Vladimir Putin", "Russia")
                    .entity("berdi", "Serdar Berdimuhamedov", "Turkmenistan");
            var c = claim("b1", "berdi", "accept-invitation").object("putin");
            if (relation != null) {
                c.relation(relation, "a:c3");
            }
            return b.claim(c).build();
        }

        @Test
        void flagsUnspecifiedOutcome() {
            assertThat(flagged("UNC-UNSPECIFIED", unspecified())).containsExactly(List.of("a:c3"));
        }

        @Test
        void doesNotFlagUnspecifiedOutcome_whenALaterClaimStatesIt() {
            assertThat(flagged("UNC-UNSPECIFIED", unspecified(), accepted(null))).isEmpty();
        }

        @Test
        void doesNotFlagUnspecifiedOutcome_whenAClaimSaysItAnswersIt() {
            Document otherWording = article("b").entity("berdi", "Serdar Berdimuhamedov", "Turkmenistan")
                    .claim(claim("b1", "berdi", "travel").relation(RelationType.ANSWERS, "a:c3")).build();
            assertThat(flagged("UNC-UNSPECIFIED", unspecified(), otherWording)).isEmpty();
        }

        Document undecided() {
            return article("a").source("press", SourceKind.PRESS_SERVICE, "Tajikistan")
                    .entity("rahmon", "Emomali Rahmon", "Tajikistan").entity("vd", "Victory Day celebrations")
                    .entity("moscow", "Moscow")
                    .claim(claim("c6", "rahmon", "attend").object("vd").place("moscow").on(MAY_9)
                            .factuality(Factuality.UNKNOWN).saidBy("press", "clarified")
                            .cue(CueCategory.UNDECIDED, "had not yet decided whether"))
                    .build();
        }

        @Test
        void flagsUndecided_withTheSourceNamed() {
            Report report = CHECKER.check(undecided());
            assertThat(report.flags("UNC-UNDECIDED")).singleElement().satisfies(f -> {
                assertThat(f.claims()).containsExactly("a:c6");
                assertThat(f.sources()).containsExactly("press");
                assertThat(f.message()).contains("Source press").contains("had not yet decided whether");
            });
        }

        @Test
        void doesNotFlagUndecided_whenHeIsLaterSeenThere() {
            Document seen = article("b").entity("rahmon", "Emomali Rahmon", "Tajikistan")
                    .entity("vd", "Victory Day celebrations").entity("moscow", "Moscow")
                    .claim(claim("b1", "rahmon", "attend").object("vd").place("moscow").on(MAY_9)).build();
            assertThat(flagged("UNC-UNDECIDED", undecided(), seen)).isEmpty();
        }

        @Test
        void stillFlagsUndecided_whenHeIsSeenSomewhereElse() {
            Document elsewhere = article("b").entity("rahmon", "Emomali Rahmon", "Tajikistan")
                    .entity("vd", "Victory Day celebrations").entity("dushanbe", "Dushanbe")
                    .claim(claim("b1", "rahmon", "attend").object("vd").place("dushanbe").on(MAY_9)).build();
            assertThat(flagged("UNC-UNDECIDED", undecided(), elsewhere)).containsExactly(List.of("a:c6"));
        }
    }

    @Nested
    class ForecastsHedgesAndAnonymousSources {
        @Test
        void flagsForecast_withItsFigure() {
            Document doc = article("a").source("minister", SourceKind.OFFICIAL, "Russia").entity("p", "the parade")
                    .claim(claim("c1", "p", "participants").quantity(10000, "people", Qualifier.MORE_THAN)
                            .factuality(Factuality.PROBABLE).saidBy("minister", "announced")
                            .cue(CueCategory.EXPECTATION, "It is expected"))
                    .build();
            Report report = CHECKER.check(doc);
            assertThat(report.flags("UNC-FORECAST")).singleElement().satisfies(f -> {
                assertThat(f.severity()).isEqualTo(Severity.LOW);
                assertThat(f.evidence()).containsExactly("It is expected", "more than 10,000 people");
            });
        }

        @Test
        void doesNotFlagForecast_withoutAnExpectationCue() {
            Document doc = article("a").entity("p", "the parade")
                    .claim(claim("c1", "p", "participants").quantity(10000, "people", Qualifier.MORE_THAN)
                            .cue(CueCategory.BOOSTER, "definitely"))
                    .build();
            assertThat(flagged("UNC-FORECAST", doc)).isEmpty();
        }

        Document reportedly() {
            return article("a").entity("x", "The minister")
                    .claim(claim("c1", "x", "resign").cue(CueCategory.HEDGE, "reportedly")).build();
        }

        @Test
        void flagsHedgedClaim() {
            assertThat(flagged("UNC-HEDGED", reportedly())).containsExactly(List.of("a:c1"));
        }

        @Test
        void doesNotFlagHedgedClaim_whenAnIndependentSourceStatesIt() {
            Document stated = article("b").source("gov", SourceKind.OFFICIAL, "Ruritania").entity("x", "The minister")
                    .claim(claim("b1", "x", "resign").saidBy("gov", "announced")).build();
            assertThat(flagged("UNC-HEDGED", reportedly(), stated)).isEmpty();
        }

        Document anonymous() {
            return article("a").source("sources", SourceKind.ANONYMOUS, null).entity("x", "The minister")
                    .claim(claim("c1", "x", "resign").saidBy("sources", "said")).build();
        }

        @Test
        void flagsClaimResting_onAnUnnamedSource() {
            assertThat(flagged("UNC-ANONYMOUS", anonymous())).containsExactly(List.of("a:c1"));
        }

        @Test
        void doesNotFlagUnnamedSource_whenANamedSourceConfirms() {
            Document named = article("b").source("gov", SourceKind.OFFICIAL, "Ruritania").entity("x", "The minister")
                    .claim(claim("b1", "x", "resign").saidBy("gov", "announced")).build();
            assertThat(flagged("UNC-ANONYMOUS", anonymous(), named)).isEmpty();
        }
    }

    @Nested
    class Headline {
        @Test
        void flagsHeadline_statingAsFactWhatTheBodyLeavesUnconfirmed() {
            Document doc = turkmenReport().claim(claim("h1", "putin", "invite").object("berdi").headline()).build();
            assertThat(flagged("UNC-HEADLINE", doc)).containsExactly(List.of("a:h1", "a:c1"));
        }

        @Test
        void doesNotFlagHeadline_whenTheBodyClaimIsConfirmed() {
            Document doc = turkmenReport().claim(claim("h1", "putin", "invite").object("berdi").headline()).build();
            assertThat(flagged("UNC-HEADLINE", doc, kremlinConfirms())).isEmpty();
        }
    }

    @Nested
    class Contradictions {
        DocBuilder parade(String id, String source, double value, Qualifier qualifier) {
            return article(id).source(source, SourceKind.INDEPENDENT_MEDIA, null).entity("p", "parade on Red Square")
                    .entity("moscow", "Moscow")
                    .claim(claim(id + "1", "p", "participants").place("moscow").on(MAY_9)
                            .quantity(value, "people", qualifier).saidBy(source, "said"));
        }

        @Test
        void flagsFiguresWhoseRangesDoNotOverlap() {
            Report report = CHECKER.check(parade("a", "s1", 10000, Qualifier.MORE_THAN).build(),
                    parade("b", "s2", 8000, Qualifier.ABOUT).build());
            assertThat(report.flags("CON-NUMERIC")).singleElement().satisfies(f -> {
                assertThat(f.claims()).containsExactly("a:a1", "b:b1");
                assertThat(f.evidence()).containsExactly("more than 10,000 people", "about 8,000 people");
            });
        }

        @Test
        void doesNotFlagFiguresThatCanBothHold() {
            assertThat(flagged("CON-NUMERIC", parade("a", "s1", 10000, Qualifier.MORE_THAN).build(),
                    parade("b", "s2", 12000, Qualifier.ABOUT).build())).isEmpty();
        }

        @Test
        void doesNotFlagFigures_fromTheSameOrigin() {
            assertThat(flagged("CON-NUMERIC", parade("a", "s1", 10000, Qualifier.MORE_THAN).build(),
                    parade("b", "s1", 8000, Qualifier.ABOUT).build())).isEmpty();
        }

        DocBuilder visit(String id, boolean negated, LocalDate day) {
            var c = claim(id + "1", "x", "visit").object("y").on(day);
            if (negated) {
                c.negated();
            }
            return article(id).entity("x", "President X").entity("y", "Country Y").claim(c);
        }

        @Test
        void flagsAffirmedAgainstNegated() {
            assertThat(flagged("CON-POLARITY", visit("a", false, MAY_9).build(), visit("b", true, MAY_9).build()))
                    .containsExactly(List.of("a:a1", "b:b1"));
        }

        @Test
        void doesNotFlagAffirmedAgainstNegated_onDifferentDays() {
            assertThat(flagged("CON-POLARITY", visit("a", false, MAY_9).build(),
                    visit("b", true, MAY_9.plusDays(3)).build())).isEmpty();
        }

        Document arrival(String id, String day) {
            return article(id).entity("j", "Sadyr Japarov").entity("moscow", "Moscow")
                    .claim(claim(id + "1", "j", "arrive").object("moscow").value(day)).build();
        }

        @Test
        void flagsTwoValuesForOneFact() {
            Report report = CHECKER.check(arrival("a", "2023-05-07"), arrival("b", "2023-05-08"));
            assertThat(report.flags("CON-VALUE")).singleElement().satisfies(f ->
                    assertThat(f.message()).contains("'2023-05-07'").contains("'2023-05-08'"));
        }

        @Test
        void doesNotFlagTheSameValueTwice() {
            assertThat(flagged("CON-VALUE", arrival("a", "2023-05-07"), arrival("b", "2023-05-07"))).isEmpty();
        }

        DocBuilder leaders(String id) {
            return article(id).entity("leader", "foreign leader").entity("vd", "Victory Day celebrations")
                    .entity("moscow", "Moscow")
                    .entity("japarov", "Sadyr Japarov", "Kyrgyzstan", "leader")
                    .entity("rahmon", "Emomali Rahmon", "Tajikistan", "leader")
                    .entity("choir", "Red Army Choir", "Russia");
        }

        Document onlyJaparov() {
            return leaders("a").claim(claim("c8", "japarov", "attend").object("vd").place("moscow").on(MAY_9)
                    .cue(CueCategory.EXCLUSIVITY, "The only")).build();
        }

        @Test
        void flagsTheOnlyOne_whenAnotherOfTheSameKindDidIt() {
            Document rahmonThere = leaders("b").claim(claim("f2", "rahmon", "attend").object("vd").place("moscow")
                    .on(MAY_9)).build();
            assertThat(flagged("CON-EXCLUSIVITY", onlyJaparov(), rahmonThere))
                    .containsExactly(List.of("a:c8", "b:f2"));
        }

        @Test
        void doesNotFlagTheOnlyOne_whenTheOtherIsNotOfThatKind() {
            Document choirThere = leaders("b").claim(claim("f2", "choir", "attend").object("vd").place("moscow")
                    .on(MAY_9)).build();
            assertThat(flagged("CON-EXCLUSIVITY", onlyJaparov(), choirThere)).isEmpty();
        }

        @Test
        void flagsExplicitDenial_withTheDenialWords() {
            Document claimDoc = article("a").entity("x", "President X").claim(claim("a1", "x", "resign")).build();
            Document denial = article("b").source("office", SourceKind.PRESS_SERVICE, "X").entity("x", "President X")
                    .claim(claim("b1", "x", "resign").negated().saidBy("office", "denied")
                            .cue(CueCategory.DENIAL, "denied reports").relation(RelationType.DENIES, "a:a1"))
                    .build();
            Report report = CHECKER.check(claimDoc, denial);
            assertThat(report.flags("CON-DENIAL")).singleElement().satisfies(f -> {
                assertThat(f.claims()).containsExactly("a:a1", "b:b1");
                assertThat(f.evidence()).containsExactly("denied reports");
            });
        }

        @Test
        void doesNotFlagDenial_withoutADeniesRelation() {
            Document claimDoc = article("a").entity("x", "President X").claim(claim("a1", "x", "resign")).build();
            Document other = article("b").entity("x", "President X")
                    .claim(claim("b1", "x", "travel").cue(CueCategory.DENIAL, "denied")).build();
            assertThat(flagged("CON-DENIAL", claimDoc, other)).isEmpty();
        }

        DocBuilder rahmonIn(String id, String place, LocalDate day) {
            return article(id).entity("rahmon", "Emomali Rahmon", "Tajikistan").entity("vd", "Victory Day celebrations")
                    .entity(place, Character.toUpperCase(place.charAt(0)) + place.substring(1))
                    .claim(claim(id + "1", "rahmon", "attend").object("vd").place(place).on(day));
        }

        @Test
        void flagsOnePersonInTwoPlacesOnOneDay() {
            Report report = CHECKER.check(rahmonIn("a", "dushanbe", MAY_9).build(), rahmonIn("b", "moscow", MAY_9).build());
            assertThat(report.flags("CON-TWO-PLACES")).singleElement().satisfies(f -> {
                assertThat(f.claims()).containsExactly("a:a1", "b:b1");
                assertThat(f.message()).contains("Dushanbe").contains("Moscow");
            });
        }

        DocBuilder rahmonVisits(String id, String place) {
            return article(id).entity("rahmon", "Emomali Rahmon", "Tajikistan").entity("xi", "Xi Jinping", "China")
                    .entity(place, Character.toUpperCase(place.charAt(0)) + place.substring(1))
                    .claim(claim(id + "1", "rahmon", "visit").object("xi").place(place).on(MAY_9));
        }

        @Test
        void doesNotFlagTwoPlaces_whenTwoSourcesPlaceOneVisitAlike() {
            // "visit" implies being somewhere, but a claim that names its place puts its subject there only
            assertThat(flagged("CON-TWO-PLACES", rahmonVisits("a", "beijing").build(),
                    rahmonVisits("b", "beijing").build())).isEmpty();
        }

        @Test
        void flagsAVisitInOneCityAgainstAnotherCity_once() {
            assertThat(flagged("CON-TWO-PLACES", rahmonVisits("a", "beijing").build(),
                    rahmonIn("b", "moscow", MAY_9).build())).containsExactly(List.of("a:a1", "b:b1"));
        }

        @Test
        void doesNotFlagTwoPlaces_onDifferentDays() {
            assertThat(flagged("CON-TWO-PLACES", rahmonIn("a", "dushanbe", MAY_9).build(),
                    rahmonIn("b", "moscow", MAY_9.plusDays(1)).build())).isEmpty();
        }

        Document noGuests(int year) {
            return leaders("a").claim(claim("c11", "leader", "attend").object("vd").place("moscow")
                    .on(LocalDate.of(year, 5, 9)).negated()).build();
        }

        Document archive() {
            return article("ref").source("archive", SourceKind.REFERENCE, null).entity("leader", "foreign leader")
                    .entity("vd", "Victory Day celebrations").entity("moscow", "Moscow")
                    .entity("rahmon", "Emomali Rahmon", "Tajikistan", "leader")
                    .claim(claim("r1", "rahmon", "attend").object("vd").place("moscow").on(LocalDate.of(2021, 5, 9))
                            .saidBy("archive", "recorded"))
                    .build();
        }

        @Test
        void flagsNoneDid_againstANamedInstanceInTheReferenceArchive() {
            assertThat(flagged("CON-NEGATED-EXISTENCE", noGuests(2021), archive()))
                    .containsExactly(List.of("a:c11", "ref:r1"));
        }

        @Test
        void doesNotFlagNoneDid_forAnotherYear() {
            assertThat(flagged("CON-NEGATED-EXISTENCE", noGuests(2022), archive())).isEmpty();
        }
    }

    @Nested
    class Spelling {
        @Test
        void flagsOneNameSpelledTwoWaysInOneArticle() {
            Document doc = turkmenReport().claim(claim("c3", "berdi", "accept").mention("Berdymukhammedov")).build();
            Report report = CHECKER.check(doc);
            assertThat(report.flags("CONS-SPELLING")).singleElement().satisfies(f -> {
                assertThat(f.claims()).containsExactly("a:c3");
                assertThat(f.evidence()).containsExactly("Berdimuhamedov", "Berdymukhammedov");
            });
        }

        @Test
        void doesNotFlagTheSameSpelling_orADifferentName() {
            Document doc = turkmenReport()
                    .claim(claim("c3", "berdi", "accept").mention("Berdimuhamedov"))
                    .claim(claim("c4", "berdi", "travel").mention("Serdar"))
                    .build();
            assertThat(flagged("CONS-SPELLING", doc)).isEmpty();
        }

        @Test
        void doesNotFlagSpellingsAcrossArticles() {
            assertThat(flagged("CONS-SPELLING", turkmenReport().build(), kremlinConfirms())).isEmpty();
        }
    }

    @Test
    void everyFlaggingRuleOfTheDefaultPack_hasCodeCategorySeverityAndMessage() {
        assertThat(CHECKER.pack().rules().stream().filter(RuleInfo::flags))
                .isNotEmpty()
                .allSatisfy(r -> {
                    assertThat(r.category()).as(r.name()).isNotNull();
                    assertThat(r.severity()).as(r.name()).isNotNull();
                    assertThat(r.message()).as(r.name()).isNotBlank();
                    assertThat(r.file()).as(r.name()).endsWith(".drl");
                });
    }
}
