package org.factlint.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.factlint.RulePack;
import org.factlint.RuleProblem;
import org.factlint.model.Article;
import org.factlint.model.Document;
import org.factlint.model.Entity;
import org.factlint.model.Source;
import org.factlint.model.SourceKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The name tables are files of the pack ({@code rules/names/*.csv}): a row an editor adds there changes which names
 * join, with no Java edit, and a bad row is reported with its file, line and column.
 */
class NameTablesTest {
    private static final String GIVEN_HEADER = "name,variant\n";
    private static RulePack edited;

    /** A copy of the bundled pack with one row added to its given names: Ukrainian Vasyl is Russian Vasily. */
    @BeforeAll
    static void aCopyOfThePackWithOneGivenNameAdded(@TempDir Path dir) throws IOException {
        Path rules = Path.of("rules");
        try (Stream<Path> walk = Files.walk(rules)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path to = dir.resolve(rules.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        Files.writeString(dir.resolve(NameTables.GIVEN_NAMES), "vasili,vasyl\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        edited = RulePack.load(dir);
    }

    @Test
    void aGivenNameRowAddedToThePack_joinsTheTwoFormsOfTheName() {
        String ukrainian = "Vasyl Lomachenko";
        String russian = "Vasily Lomachenko";
        assertThat(joined(RulePack.bundled(), ukrainian, russian)).as("the bundled pack").isFalse();
        assertThat(joined(edited, ukrainian, russian)).as("the pack with the row").isTrue();
        // the row is about the given name only: another surname stays another person
        assertThat(joined(edited, ukrainian, "Vasily Lomakin")).isFalse();
    }

    @Test
    void theBundledPacksTables_areTheDefaults() {
        assertThat(Hooks.tables(RulePack.bundled())).contains(NameTables.DEFAULT);
        assertThat(Names.latin("Рахмон")).isEqualTo("Rahmon"); // names/romanisation.csv
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "names/given-names.csv | name,variant\\nnikolai,mykola\\nnikolai,Mykóla\\n"
                    + "| names/given-names.csv:3:9: 'Mykóla' is not one word of up to 30 Latin letters without marks",
            "names/given-names.csv | name,variant\\nnikolai,mykola\\nmikhail,mykola\\n"
                    + "| names/given-names.csv:3:9: 'mykola' is already a variant of 'nikolai' at line 2",
            "names/given-names.csv | name,variant\\n# a comment\\nnikolai,nikolai\\n"
                    + "| names/given-names.csv:3:9: 'nikolai' is the name itself, not a variant",
            "names/alphabets.csv | alphabet,letters,reading\\npl,cz,ch\\npl,cz,tsch\\n"
                    + "| names/alphabets.csv:3:4: 'cz' of alphabet 'pl' is already read at line 2",
            "names/alphabets.csv | alphabet,letters,reading\\npl,c z,ch\\n"
                    + "| names/alphabets.csv:2:4: 'c z' is not a letter group (1 to 6",
            "names/alphabets.csv | alphabet,letters,reading\\npl,cz,chchchchch\\n"
                    + "| names/alphabets.csv:2:7: 'chchchchch' is not a reading (up to 6 lower-case Latin letters",
            "names/romanisation.csv | script,latin\\nRahmon,Rahmon\\n"
                    + "| names/romanisation.csv:2:1: 'Rahmon' is not a word in another script",
            "names/romanisation.csv | script,latin\\nрахмон,Рахмон\\n"
                    + "| names/romanisation.csv:2:8: 'Рахмон' is not a spelling in Latin letters",
            "names/romanisation.csv | script,latin,why\\n"
                    + "| names/romanisation.csv:1:1: the header must be 'script,latin'",
            "names/distinct-names.csv | name,other\\nsamer,samir\\nsamir,samer\\n"
                    + "| names/distinct-names.csv:3:1: 'samir' and 'samer' are already kept apart at line 2",
            "names/syllables.csv | system,part,cyrillic,latin\\nzh,syllable,си,xi\\nchinese,syllable,ли,li\\n"
                    + "| names/syllables.csv:3:1: 'chinese' is not a system's name (2 or 3 lower-case letters",
            "names/syllables.csv | system,part,cyrillic,latin\\nko,coda,к,k\\n"
                    + "| names/syllables.csv:2:4: 'coda' is not a part (one of: syllable, initial, vowel, final)",
            "names/syllables.csv | system,part,cyrillic,latin\\nzh,syllable,xi,xi\\n"
                    + "| names/syllables.csv:2:13: 'xi' is not a syllable in Cyrillic (1 to 6 lower-case Cyrillic letters",
            "names/syllables.csv | system,part,cyrillic,latin\\nzh,syllable,люй,lü\\n"
                    + "| names/syllables.csv:2:17: 'lü' is not a Latin spelling (1 to 8 lower-case Latin letters",
            "names/syllables.csv | system,part,cyrillic,latin\\nzh,syllable,си,xi\\nzh,syllable,си,xi\\n"
                    + "| names/syllables.csv:3:16: 'си' is already read 'xi' in zh at line 2",
            "names/surnames.csv | name,variant\\n"
                    + "| names/surnames.csv:1:1: unknown name table",
    })
    void aBadRow_isReportedWithItsFileLineAndColumn_andTheGoodRowsAreKept(String file, String text, String expected) {
        List<RuleProblem> problems = new ArrayList<>();
        List<Object> facts = Tables.read(Map.of(file, text.replace("\\n", "\n")), problems);
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).toString()).startsWith(expected);
        if (file.equals(NameTables.GIVEN_NAMES) && text.contains("nikolai,mykola")) {
            NameTables tables = facts.stream().filter(NameTables.class::isInstance).map(NameTables.class::cast)
                    .findFirst().orElseThrow();
            assertThat(Names.key("Mykola Azarov", tables).full()).containsAnyElementsOf(
                    Names.key("Nikolai Azarov", tables).full());
        }
    }

    @Test
    void aPackWithOneNameTable_keepsTheBundledOnesOfTheOthers() {
        List<RuleProblem> problems = new ArrayList<>();
        Map<String, String> files = new TreeMap<>(Map.of(NameTables.GIVEN_NAMES, GIVEN_HEADER + "vasili,vasyl\n"));
        NameTables tables = (NameTables) Tables.read(files, problems).stream().filter(NameTables.class::isInstance)
                .findFirst().orElseThrow();
        assertThat(problems).isEmpty();
        assertThat(tables.newsSpelling("рахмон")).isEqualTo("Rahmon"); // the bundled romanisation
        assertThat(Names.key("Wiktor Juszczenko", tables).full()) // the bundled Polish alphabet
                .containsAnyElementsOf(Names.key("Viktor Yushchenko", tables).full());
        // the pack's given names replace the bundled ones: Mykola is no longer read as Nikolai
        assertThat(Names.key("Mykola Azarov", tables).full())
                .doesNotContainAnyElementsOf(Names.key("Nikolai Azarov", tables).full());
    }

    /**
     * The syllable charts are the pack's too: a pack whose {@code syllables.csv} has only the Palladius rows Си Цзиньпин
     * needs reads it as Xi Jinping; without the file's rows (an empty chart) it is ICU's Si Czinpin and joins nothing.
     */
    @Test
    void theSyllableChartsAreThePacks_aRowReadsACyrillicChineseName() {
        String header = "system,part,cyrillic,latin\n";
        NameTables rows = tablesOf(Map.of(NameTables.SYLLABLES, header + "zh,syllable,си,xi\nzh,syllable,цзинь,jin\n"
                + "zh,syllable,пин,ping\n"));
        NameTables none = tablesOf(Map.of(NameTables.SYLLABLES, header));
        assertThat(Names.key("Си Цзиньпин", rows).full()).containsAnyElementsOf(Names.key("Xi Jinping", rows).full());
        assertThat(Names.key("Си Цзиньпин", none).full()).doesNotContainAnyElementsOf(Names.key("Xi Jinping", none).full());
    }

    private static NameTables tablesOf(Map<String, String> files) {
        List<RuleProblem> problems = new ArrayList<>();
        NameTables tables = (NameTables) Tables.read(files, problems).stream().filter(NameTables.class::isInstance)
                .findFirst().orElseThrow();
        assertThat(problems).isEmpty();
        return tables;
    }

    private static boolean joined(RulePack pack, String a, String b) {
        FactLoader loader = new FactLoader(Hooks.tables(pack));
        Document da = doc("a", a);
        Document db = doc("b", b);
        loader.preResolve(List.of(da, db));
        return loader.resolve(da).entityKeys().equals(loader.resolve(db).entityKeys());
    }

    private static Document doc(String id, String name) {
        return new Document(new Article(id, "o", "h", null, null, null),
                List.of(new Source("o", "Outlet", SourceKind.OUTLET, null)), List.of(new Entity("p", name)), List.of());
    }
}
