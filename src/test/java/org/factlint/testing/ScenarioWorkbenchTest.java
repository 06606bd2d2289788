package org.factlint.testing;

import org.factlint.cli.CliRun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.factlint.TestFiles;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scenario files, the test and validate commands, and the lexicon as data, on a copy of the default pack. */
class ScenarioWorkbenchTest {
    @TempDir
    static Path tmp;
    static Path pack;

    @BeforeAll
    static void copyDefaultPack() throws IOException {
        pack = tmp.resolve("rules");
        TestFiles.copyTree(Path.of("rules"), pack);
        TestFiles.copyTree(Path.of("seeds"), tmp.resolve("seeds"));
    }


    static CliRun run(String... args) {
        return CliRun.of(args);
    }

    static Path scenario(Path dir, String name, String json) throws IOException {
        Files.createDirectories(dir.resolve("tests"));
        return Files.writeString(dir.resolve("tests").resolve(name), json);
    }

    @Test
    void reportsBrokenScenarioFile_located() throws IOException {
        Path dir = tmp.resolve("broken");
        Files.createDirectories(dir);
        Path f = scenario(dir, "bad.json", "{\n  \"name\": \"x\",\n  \"given\": [\"a.json\"],\n  \"expect\": { \"flags\": [ { \"cod\": \"UNC-HEDGED\" } ] }\n}\n");
        assertThatThrownBy(() -> ScenarioFiles.read(f)).isInstanceOf(ScenarioFileException.class)
                .hasMessage(f + ":4:26: $.expect.flags[0]: an expected flag needs a 'code', such as \"UNC-HEDGED\"");
        Path g = scenario(dir, "nogiven.json", "[\n  {\n    \"given\": [],\n    \"expect\": { \"flags\": [] }\n  }\n]\n");
        assertThatThrownBy(() -> ScenarioFiles.read(g))
                .hasMessage(g + ":2:3: $[0]: 'given' must list at least one claims document (a path or a document)");
        Path h = scenario(dir, "both.json", "{ \"given\": [\"a.json\"], \"expect\": { \"flags\": [], \"mustInclude\": [] } }");
        assertThatThrownBy(() -> ScenarioFiles.read(h))
                .hasMessage(h + ":1:34: $.expect: give either 'flags' (the exact set) or 'mustInclude'/'mustNotInclude', not both");
        Path m = scenario(dir, "malformed.json", "{ \"given\": [\"a.json\"], \n  \"expect\": { \"flags\": [ }\n");
        assertThatThrownBy(() -> ScenarioFiles.read(m)).hasMessage(m + ":2:26: $: malformed JSON: Unexpected close marker '}': expected ']' (for Array starting at line 2, column 24)");
    }

    @Test
    void testCommand_passesDefaultPack_withSummaryLineAndCoverage() {
        CliRun r = run("test", pack.toString(), "--min-coverage", "100");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(lines.size() - 1)).matches("\\d+ passed, 0 failed");
        assertThat(r.out()).contains("PASS seed: the Moscow Times article alone (seed.json)")
                .contains("rule coverage: 48 of 48 rules fired (100%)");
    }

    @Test
    void testCommand_showsExpectedAgainstActual_andFails() throws IOException {
        Path dir = tmp.resolve("failing");
        TestFiles.copyTree(Path.of("rules"), dir);
        try (Stream<Path> s = Files.list(dir.resolve("tests"))) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                Files.delete(p);
            }
        }
        scenario(dir, "hedge.json", """
                { "name": "a hedge expected where there is a forecast",
                  "given": [ { "article": { "id": "a", "outlet": "w", "headline": "h", "published": "2023-05-10" },
                               "sources": [ { "id": "w", "name": "Wire", "kind": "wire_agency" } ],
                               "entities": [ { "id": "m", "name": "Ivan Petrov" } ],
                               "claims": [ { "id": "c1", "text": "Ivan Petrov is expected to resign.",
                                             "subject": "m", "predicate": "resign" } ] } ],
                  "expect": { "flags": [ { "code": "UNC-HEDGED", "claims": ["a:c1"] } ] } }
                """);
        CliRun r = run("test", dir.toString(), "--min-coverage", "50");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("""
                FAIL a hedge expected where there is a forecast (hedge.json)
                  flags (- expected, not raised; + raised, not expected):
                    + UNC-FORECAST           a:c1
                    - UNC-HEDGED             a:c1
                """);
        // The rule's line is read from the bundled DRL, so editing the pack above it does not break this test.
        String figures = "rule \"Figures: two sources give figures that cannot both be right\"";
        List<String> drl = Files.readAllLines(Path.of("rules/contradictions.drl"));
        int line = drl.indexOf(drl.stream().filter(l -> l.startsWith(figures)).findFirst().orElseThrow()) + 1;
        assertThat(r.out()).contains("  fired in no scenario:    \"Figures: two sources give figures that cannot both be right\" (contradictions.drl:" + line + ")");
        assertThat(r.out()).contains("is below the minimum 50%");
        assertThat(r.out().lines().toList()).last().isEqualTo("0 passed, 1 failed");
    }

    @Test
    void addingOneLexiconRow_changesTheResult_withNoDrlEdit() throws IOException {
        Path dir = tmp.resolve("lexicon-row");
        TestFiles.copyTree(Path.of("rules"), dir);
        scenario(dir, "zz-word-has-it.json", """
                { "name": "word has it: a hedge the lexicon did not know",
                  "given": [ { "article": { "id": "a", "outlet": "w", "headline": "h", "published": "2023-05-10" },
                               "sources": [ { "id": "w", "name": "Wire", "kind": "wire_agency" } ],
                               "entities": [ { "id": "m", "name": "Ivan Petrov" } ],
                               "claims": [ { "id": "c1", "text": "Word has it that Ivan Petrov resigned.",
                                             "subject": "m", "predicate": "resign" } ] } ],
                  "expect": { "mustInclude": [ { "code": "UNC-HEDGED", "claims": ["a:c1"] } ] } }
                """);
        String drlBefore = drl(dir);
        CliRun before = run("test", dir.toString());
        assertThat(before.code()).isEqualTo(1);
        assertThat(before.out()).contains("FAIL word has it: a hedge the lexicon did not know");

        Files.writeString(dir.resolve("lexicon/cues.csv"), "hedge,word has it\n", java.nio.file.StandardOpenOption.APPEND);
        CliRun after = run("test", dir.toString());
        assertThat(after.code()).as(after.out()).isZero();
        assertThat(after.out()).contains("PASS word has it: a hedge the lexicon did not know");
        assertThat(drl(dir)).isEqualTo(drlBefore);
    }

    private static String drl(Path dir) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".drl")).sorted(Comparator.naturalOrder()).toList()) {
                sb.append(Files.readString(p));
            }
        }
        return sb.toString();
    }

    @Test
    void validateCommand_listsEveryError_andExits2() throws IOException {
        Path dir = tmp.resolve("invalid");
        Files.createDirectories(dir.resolve("lexicon"));
        Files.writeString(dir.resolve("a.drl"), "package org.factlint.rules;\nimport org.factlint.facts.ClaimFact;\n"
                + "rule \"a\"\nwhen\n    ClaimFact( id == == \"x\" )\nthen\nend\n");
        Files.writeString(dir.resolve("lexicon/cues.csv"), "category,phrase\nhedg,allegedly\n");
        scenario(dir, "s.json", "{ \"given\": \"x\" }");
        CliRun r = run("validate", dir.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEqualTo(dir.resolve("a.drl") + ":5:22: no viable alternative at input '==' in rule \"a\"\n"
                + dir.resolve("lexicon/cues.csv") + ":2:1: unknown cue category 'hedg' (expected one of: non_confirmation, "
                + "unspecified, undecided, hedge, expectation, denial, exclusivity, attribution, weasel, booster)\n"
                + dir.resolve("tests/s.json") + ":1:12: $.given: expected a list ([...])\n"
                + dir + ": 3 errors, 0 warnings\n");
    }

    @Test
    void validateCommand_acceptsDefaultPack() {
        CliRun r = run("validate", "rules");
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo("rules: 48 rules, 0 warnings\n");
    }

    @Test
    void commands_rejectMissingDirectory() {
        CliRun r = run("test", tmp.resolve("nope").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("factlint: rule pack directory '" + tmp.resolve("nope")
                + "' does not exist or is not a directory\n");
    }
}
