package org.factlint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SECURITY.md names, for each attack class of the hostile suite and each promise of issue 12, the packs and the tests
 * that prove it. Every row names at least one test; every test it names exists (a class under {@code src/test/java},
 * a method of it where one is named); every pack it names is a file of {@code src/test/resources/hostile/}, and every
 * such file is named; every class {@code .ci/run} runs on JDK 25 exists.
 */
class SecurityDocTest {
    private static final Path DOC = Path.of("SECURITY.md");
    private static final Path TESTS = Path.of("src/test/java/org/factlint");
    private static final Path HOSTILE = Path.of("src/test/resources/hostile");
    /** A test as SECURITY.md names it: {@code cli.RuleErrorCliTest}, {@code HostilePacksTest.isRefused...}. */
    private static final Pattern TEST = Pattern.compile("((?:[a-z]+\\.)*)([A-Z][A-Za-z0-9]*(?:Test|IT))(?:\\.(\\w+))?");

    record Row(String table, String first, List<String> packs, List<String> tests) {
        @Override
        public String toString() {
            return table + ": " + (first.length() > 70 ? first.substring(0, 70) + "..." : first);
        }
    }

    /** The rows of the two tables: the hostile suite's attack classes and the promises of issue 12. */
    static List<Row> rows() throws IOException {
        List<String> lines = Files.readAllLines(DOC, StandardCharsets.UTF_8);
        List<Row> rows = new ArrayList<>();
        String table = null;
        for (String line : lines) {
            if (line.startsWith("| attack class | packs")) {
                table = "attack classes";
                continue;
            }
            if (line.startsWith("| # | promise | tests")) {
                table = "promises";
                continue;
            }
            if (table == null || line.startsWith("|---")) {
                continue;
            }
            if (!line.startsWith("|")) {
                table = null;
                continue;
            }
            String[] cells = line.split("\\|");
            String first = cells[1].strip();
            String packsCell = table.equals("attack classes") ? cells[2] : "";
            String testsCell = cells[cells.length - 1].isBlank() ? cells[cells.length - 2] : cells[cells.length - 1];
            List<String> tests = new ArrayList<>();
            for (String q : quoted(testsCell)) {
                if (TEST.matcher(q).matches()) {
                    tests.add(q);
                }
            }
            rows.add(new Row(table, table.equals("promises") ? first + " " + cells[2].strip() : first,
                    quoted(packsCell), tests));
        }
        return rows;
    }

    private static List<String> quoted(String cell) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("`([^`]+)`").matcher(cell);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** Why a test SECURITY.md names does not exist, or null when it does. */
    static String missing(String name) throws IOException {
        Matcher m = TEST.matcher(name);
        if (!m.matches()) {
            return "'" + name + "' is not a test name";
        }
        Path file = TESTS.resolve(m.group(1).replace('.', '/')).resolve(m.group(2) + ".java");
        if (!Files.isRegularFile(file)) {
            return "no test class " + file;
        }
        if (m.group(3) != null && !Pattern.compile("void " + Pattern.quote(m.group(3)) + "\\(")
                .matcher(Files.readString(file)).find()) {
            return "no method " + m.group(3) + " in " + file;
        }
        return null;
    }

    @Test
    void bothTablesAreRead() throws IOException {
        assertThat(rows()).filteredOn(r -> r.table().equals("attack classes")).hasSizeGreaterThan(15);
        assertThat(rows()).filteredOn(r -> r.table().equals("promises")).hasSize(8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void everyRowNamesATest_andEveryTestItNamesExists(Row row) throws IOException {
        assertThat(row.tests()).as("the tests of the row").isNotEmpty();
        for (String t : row.tests()) {
            assertThat(missing(t)).as(t).isNull();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void everyPackARowNames_isAHostilePack(Row row) {
        for (String p : row.packs()) {
            assertThat(HOSTILE.resolve(p + ".drl")).as(p).isRegularFile();
        }
    }

    @Test
    void everyHostilePack_isNamedInTheTableOfAttackClasses() throws IOException {
        Set<String> named = new TreeSet<>();
        rows().forEach(r -> named.addAll(r.packs()));
        try (Stream<Path> files = Files.list(HOSTILE)) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".drl"))
                    .map(f -> f.substring(0, f.length() - 4))).allSatisfy(p -> assertThat(named).contains(p));
        }
    }

    @Test
    void aTestThatDoesNotExist_isFoundMissing() throws IOException {
        assertThat(missing("HostilePacksTest.isRefusedUntrusted_andItsPayloadNeverRuns")).isNull();
        assertThat(missing("cli.RuleErrorCliTest")).isNull();
        assertThat(missing("HostilePacksTest.noSuchMethod")).startsWith("no method noSuchMethod");
        assertThat(missing("cli.NoSuchTest")).startsWith("no test class");
    }

    @Test
    void everyClassCiRunsOnJdk25_exists() throws IOException {
        String run = Files.readString(Path.of(".ci/run"));
        Matcher m = Pattern.compile("-Dtest='([^']+)'").matcher(run);
        assertThat(m.find()).as("the JDK 25 list in .ci/run").isTrue();
        for (String name : m.group(1).split(",")) {
            try (Stream<Path> all = Files.walk(TESTS)) {
                assertThat(all.anyMatch(f -> f.getFileName().toString().equals(name + ".java"))).as(name).isTrue();
            }
        }
    }
}
