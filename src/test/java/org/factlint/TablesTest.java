package org.factlint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Lexicon and source-table rows are checked one by one, each bad row located; the other errors still show. */
class TablesTest {
    private static final String DRL = "package org.factlint.rules;\nimport org.factlint.facts.ClaimFact;\n"
            + "rule \"any\"\nwhen\n    ClaimFact()\nthen\nend\n";

    private static List<String> problems(Map<String, String> files) {
        try {
            RulePack.of("t", files);
            return List.of();
        } catch (RulePackException e) {
            return e.problems().stream().map(RuleProblem::toString).toList();
        }
    }

    @Test
    void reportsBadLexiconRows_withLineAndColumn() {
        String csv = "# a comment\ncategory,phrase\nhedge,reportedly\nhedg,allegedly\nhedge,   \nhedge,a,b\nhedge,REPORTEDLY\n"
                + "weasel,\"some, say\"\n";
        assertThat(problems(Map.of("r.drl", DRL, "lexicon/cues.csv", csv))).containsExactly(
                "lexicon/cues.csv:4:1: unknown cue category 'hedg' (expected one of: non_confirmation, unspecified, "
                        + "undecided, hedge, expectation, denial, exclusivity, attribution, weasel, booster)",
                "lexicon/cues.csv:5:10: empty phrase: a phrase needs at least one letter or digit",
                "lexicon/cues.csv:6:1: expected 2 columns (category,phrase) but found 3 (quote a value that contains a comma)",
                "lexicon/cues.csv:7:1: duplicate row: hedge,'REPORTEDLY' is already at lexicon/cues.csv:3");
    }

    @Test
    void reportsWrongHeader() {
        assertThat(problems(Map.of("r.drl", DRL, "lexicon/cues.csv", "category,word\nhedge,reportedly\n")))
                .containsExactly("lexicon/cues.csv:1:1: the header must be 'category,phrase' but is 'category,word'");
    }

    @Test
    void reportsBadSourceRows() {
        String csv = "source,kind,party\ntass,state_media,Russia\nbad id,wire_agency,\nrt,state_tv,Russia\ntass,state_media,Russia\n";
        assertThat(problems(Map.of("r.drl", DRL, "sources.csv", csv))).containsExactly(
                "sources.csv:3:1: 'bad id' is not a source id (letters, digits, '-', '_', '.', ':')",
                "sources.csv:4:4: unknown source kind 'state_tv' (expected one of: official, press_service, state_media, "
                        + "independent_media, wire_agency, anonymous, social, outlet, reference)",
                "sources.csv:5:1: source 'tass' is already listed at line 2");
    }

    @Test
    void rejectsUnknownTables() {
        assertThat(problems(Map.of("r.drl", DRL, "words.csv", "a,b\n"))).containsExactly(
                "words.csv:1:1: unknown table: a pack reads cue lexicons from lexicon/*.csv (category,phrase), its "
                        + "predicate table from lexicon/predicates.csv (predicate,relation,other), its party table from "
                        + "parties.csv (party,alias), its source table from sources.csv (source,kind,party), its "
                        + "escalation table from escalation.csv (code,severity,hours), the days an undated claim stands for "
                        + "from undated.csv (days), the places within places from places.csv (place,within) and its "
                        + "name tables from names/*.csv");
    }

    @Test
    void reportsBadPlaceRows_withLineAndColumn_andRefusesAPlaceWithinItself() {
        assertThat(problems(Map.of("r.drl", DRL, "places.csv",
                "# a comment\nplace,within\nRed Square,Moscow\nMoscow,Russia\nRussia,Red Square\nMoscow,moscow\n"
                        + " ,Russia\nRed Square,Moscow\nMoscow\n"))).containsExactly(
                "places.csv:5:8: 'Russia' cannot lie within 'Red Square': 'Red Square' lies within it",
                "places.csv:6:8: 'Moscow' cannot lie within 'moscow': they are one place",
                "places.csv:7:2: a place and the place it lies in need at least one letter",
                "places.csv:8:1: duplicate row: it is already at line 3",
                "places.csv:9:1: expected 2 columns (place,within) but found 1");
        assertThat(problems(Map.of("r.drl", DRL, "places.csv", "city,country\nMoscow,Russia\n"))).containsExactly(
                "places.csv:1:1: the header must be 'place,within' but is 'city,country'");
    }

    @Test
    void goodPlaceRowsBecomeFacts() {
        RulePack pack = RulePack.of("t", Map.of("r.drl", DRL, "places.csv", "place,within\nRed Square,Moscow\n"));
        // keyed as entity names are (by sound: "Moskva" and "Moscow" meet); the scenarios of rules/tests/places.json
        // show the keys meet claims' places
        assertThat(pack.facts()).singleElement().isInstanceOfSatisfying(org.factlint.facts.PlaceTerm.class, t -> {
            assertThat(List.of(t.place(), t.within())).containsExactly("Red Square", "Moscow");
            assertThat(t.placeKey()).isNotBlank().isNotEqualTo(t.withinKey());
        });
    }

    @Test
    void reportsBadEscalationRows_withLineAndColumn() {
        String csv = "# when unconfirmed claims escalate\ncode,severity,hours\n,high,12\nUNC-HEDGED,,48\n"
                + ",,24\nUNC-HEDGED,low,24\nunc-hedged,,24\n,urgent,24\n,medium,0\n,medium,1.5\nUNC-X,,9000\n"
                + ",high,6\nUNC-HEDGED,,12\n,medium,24\n";
        assertThat(problems(Map.of("r.drl", DRL, "escalation.csv", csv))).containsExactly(
                "escalation.csv:5:1: a row needs a code (UNC-HEDGED) or a severity (low, medium, high)",
                "escalation.csv:6:1: a row names a code or a severity, not both: leave one of 'UNC-HEDGED' and 'low' empty",
                "escalation.csv:7:1: 'unc-hedged' is not a flag code (upper-case words joined by '-', such as UNC-HEDGED)",
                "escalation.csv:8:2: unknown severity 'urgent' (expected one of: low, medium, high)",
                "escalation.csv:9:9: hours must be a whole number from 1 to 8760, not '0'",
                "escalation.csv:10:9: hours must be a whole number from 1 to 8760, not '1.5'",
                "escalation.csv:11:8: hours must be a whole number from 1 to 8760, not '9000'",
                "escalation.csv:12:1: severity high is already given at line 3",
                "escalation.csv:13:1: code UNC-HEDGED is already given at line 4");
    }

    @Test
    void reportsBadUndatedRows_withLineAndColumn() {
        assertThat(problems(Map.of("r.drl", DRL, "undated.csv", "# days\ndays\nthirty\n"))).containsExactly(
                "undated.csv:3:1: days must be a whole number from 0 to 3650, not 'thirty'");
        assertThat(problems(Map.of("r.drl", DRL, "undated.csv", "days\n9999\n"))).containsExactly(
                "undated.csv:2:1: days must be a whole number from 0 to 3650, not '9999'");
        assertThat(problems(Map.of("r.drl", DRL, "undated.csv", "days\n30\n7\n"))).containsExactly(
                "undated.csv:3:1: the table has one row (the days), given at line 2");
        assertThat(problems(Map.of("r.drl", DRL, "undated.csv", "weeks\n4\n"))).containsExactly(
                "undated.csv:1:1: the header must be 'days' but is 'weeks'");
    }

    @Test
    void goodEscalationRowsBecomeFacts() {
        RulePack pack = RulePack.of("t", Map.of("r.drl", DRL, "escalation.csv",
                "code,severity,hours\n,medium,24\nUNC-HEDGED,,48\n"));
        assertThat(pack.facts()).containsExactly(
                org.factlint.facts.EscalationTerm.of(null, Severity.MEDIUM, 24),
                org.factlint.facts.EscalationTerm.of("UNC-HEDGED", null, 48));
    }

    @Test
    void reportsTableAndDrlErrors_together() {
        String broken = "package org.factlint.rules;\nimport org.factlint.facts.ClaimFact;\nrule \"x\"\nwhen\n    ClaimFacts()\nthen\nend\n";
        assertThat(problems(Map.of("x.drl", broken, "lexicon/cues.csv", "category,phrase\nhedg,a\n")))
                .extracting(s -> s.substring(0, s.indexOf(": ")))
                .containsExactly("lexicon/cues.csv:2:1", "x.drl:5:5");
    }
}
