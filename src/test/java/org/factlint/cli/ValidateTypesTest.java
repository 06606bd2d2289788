package org.factlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.factlint.RulePack;
import org.factlint.RulePackException;
import org.factlint.RuleProblem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code factlint validate} types every constraint and every message placeholder, located, naming the rule. */
class ValidateTypesTest {
    private static final String HEAD = """
            package org.factlint.rules;

            import java.util.List;
            import java.util.Map;
            import org.factlint.facts.ClaimFact;
            import org.factlint.model.SourceKind;

            """;
    private static final String THEN = "then\n    insertLogical( Flags.flag( kcontext, List.of( $c ), List.of() ) );\nend\n";

    @TempDir
    static Path pack;
    static CliRun validated;

    @BeforeAll
    static void validateABadlyTypedPack() throws IOException {
        Files.writeString(pack.resolve("typed.drl"), HEAD
                + "// 8: an enum against a string\nrule \"Social\"\n    @code(\"X-SOCIAL\") @category(\"unconfirmed\") @severity(\"low\")\n"
                + "    @message(\"{claim} rests on {sorce}.\")\nwhen\n    $c : ClaimFact( originKind == \"social\" )\n" + THEN
                + "\n// 17: a date, a boolean, a method, a constant, a string\nrule \"Dated\"\n"
                + "    @code(\"X-DATE\") @category(\"unconfirmed\") @severity(\"low\")\n    @message(\"{claim} and {claim2}.\")\nwhen\n"
                + "    $c : ClaimFact( from == \"2023-05-09\", headline == 3 )\n"
                + "    $d : ClaimFact( sameTimes( $c ), originKind == SourceKind.SOCIALS, text == 4 )\n" + THEN
                + "\n// 27: a name passed in a map is known\nrule \"Passed\"\n"
                + "    @code(\"X-PASSED\") @category(\"unconfirmed\") @severity(\"low\")\n    @message(\"{claim}: {why}.\")\nwhen\n"
                + "    $c : ClaimFact( originKind == SourceKind.SOCIAL, headline == false, from > 19000 )\nthen\n"
                + "    insertLogical( Flags.flag( kcontext, List.of( $c ), List.of(), Map.of( \"why\", \"a post\" ) ) );\nend\n");
        validated = CliRun.of("validate", pack.toString());
    }

    private static String at(String where) {
        return pack.resolve("typed.drl") + ":" + where + ": ";
    }

    @Test
    void exitsTwo_listingEachMistake_locatedAndNamingTheRuleAndWhatToWrite() {
        assertThat(validated.exit()).isEqualTo(2);
        assertThat(validated.out()).isEqualTo(
                at("11:32") + "rule \"Social\": @message placeholder {sorce} is not known: use one of {claim}, {claim2},"
                        + " {source}, {source2}, {subject}, {object}, {place}, {place2}, {figure}, {figure2}, {evidence},"
                        + " or pass it: Flags.flag(kcontext, claims, evidence, Map.of(\"sorce\", ...))\n"
                + at("13:21") + "rule \"Social\": originKind is a SourceKind; write SourceKind.SOCIAL (in: originKind == \"social\")\n"
                + at("21:27") + "rule \"Dated\": @message placeholder {claim2} names the second claim, but the rule passes"
                        + " one claim to Flags.flag\n"
                + at("23:21") + "rule \"Dated\": from is a Long (a day number, not a date); write"
                        + " LocalDate.parse(\"2023-05-09\").toEpochDay() (import java.time.LocalDate) (in: from == \"2023-05-09\")\n"
                + at("23:43") + "rule \"Dated\": headline is a boolean; write true or false (in: headline == 3)\n"
                + at("24:21") + "rule \"Dated\": ClaimFact has no method 'sameTimes' (its methods: compatiblePlace,"
                        + " compatibleTime, figuresDisjoint, independentOf, sameTime)\n"
                + at("24:38") + "rule \"Dated\": SourceKind has no constant 'SOCIALS'; write one of SourceKind.OFFICIAL,"
                        + " SourceKind.PRESS_SERVICE, SourceKind.STATE_MEDIA, SourceKind.INDEPENDENT_MEDIA,"
                        + " SourceKind.WIRE_AGENCY, SourceKind.ANONYMOUS, SourceKind.SOCIAL, SourceKind.OUTLET,"
                        + " SourceKind.REFERENCE (in: originKind == SourceKind.SOCIALS)\n"
                + at("24:72") + "rule \"Dated\": text is a String; write \"4\" (in: text == 4)\n"
                + pack + ": 8 errors, 0 warnings\n");
    }

    @Test
    void theLibraryRefusesTheSamePack_soNoTypeMistakeRunsUnseen() {
        try {
            RulePack.load(pack);
            throw new AssertionError("a badly typed pack loaded");
        } catch (RulePackException e) {
            assertThat(e.problems()).hasSize(8).extracting(RuleProblem::file).containsOnly("typed.drl");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aJoinThatCostsPropertyReactivity_isALocatedWarning_whereDroolsOnlyLogsIt() throws IOException {
        String drl = """
                package org.factlint.rules;

                import org.factlint.facts.ClaimFact;
                import org.factlint.cli.ReactiveProbe;

                // a probe for every claim it lists
                rule "Probed"
                when
                    $c : ClaimFact()
                    ReactiveProbe( claims contains $c.id )
                    ReactiveProbe( claim == $c.id )
                then
                end
                """;
        long before = Files.size(Path.of("target/test.log"));
        RulePack p = RulePack.of("reactive", Map.of("m.drl", drl), org.factlint.Trust.TRUSTED);
        assertThat(p.warnings()).filteredOn(w -> !w.message().contains("can never fire")) // nothing inserts probes
                .extracting(RuleProblem::toString).containsExactly("m.drl:10:20: warning: rule \"Probed\":"
                + " $c is not relevant to this pattern, so Drools falls back to class reactivity (the ReactiveProbe"
                + " pattern wakes on any change of its fact): join on a field (field == $c.field), or annotate the"
                + " class @ClassReactive (in: claims contains $c.id)");
        // the one warning Drools itself logs while it builds the pack, for the same constraint
        String logged = Files.readString(Path.of("target/test.log")).substring((int) before);
        assertThat(logged.lines().filter(l -> l.contains("class reactivity")).toList()).singleElement().asString()
                .contains("$c is not relevant to this pattern, so it causes class reactivity").endsWith("claims contains $c.id");
    }

    @Test
    void theDefaultPack_typesClean_andDroolsWarnsOfNothingWhileBuildingIt() throws IOException {
        long before = Files.size(Path.of("target/test.log"));
        RulePack p = RulePack.load(Path.of("rules"));
        assertThat(p.warnings()).isEmpty();
        String logged = Files.readString(Path.of("target/test.log")).substring((int) before);
        assertThat(logged).doesNotContain("class reactivity").doesNotContain("WARN");
        assertThat(CliRun.of("validate", "rules").out()).isEqualTo("rules: 48 rules, 0 warnings\n");
    }
}
