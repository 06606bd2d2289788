package org.factlint.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.factlint.model.Article;
import org.factlint.model.Document;
import org.factlint.model.Entity;
import org.factlint.model.Source;
import org.factlint.model.SourceKind;
import org.junit.jupiter.api.Test;

/**
 * The name matching measured on a table of real spellings: one person's name as different presses, alphabets and
 * scripts write it ({@code names/same-person.csv}) must join; real distinct people with close names
 * ({@code names/different-people.csv}) must not. Each pair is checked the way a batch is: two documents, one
 * entity each, resolved together.
 */
class NameMatchingTest {
    private static final Path DIR = Path.of("src/test/resources/names");

    @Test
    void atLeast97PercentOfSamePersonPairsJoin() throws IOException {
        List<String[]> pairs = pairs("same-person.csv");
        List<String> missed = new ArrayList<>();
        for (String[] p : pairs) {
            if (!joined(p[0], p[1])) {
                missed.add(p[0] + " / " + p[1] + " (" + p[3] + ")");
            }
        }
        double rate = 1.0 - (double) missed.size() / pairs.size();
        assertThat(pairs).hasSizeGreaterThanOrEqualTo(300);
        assertThat(rate).as("same-person pairs joined: %s of %d; missed: %s",
                String.format(Locale.ROOT, "%.3f", rate), pairs.size(), missed).isGreaterThanOrEqualTo(0.97);
    }

    /**
     * Spellings written after the key was tuned and never used to tune it: 97 of 106 joined when first measured
     * (README). The floor guards against regressions; it is not a target.
     */
    @Test
    void heldOutSamePersonPairs_joinAtLeast90Percent() throws IOException {
        List<String[]> pairs = pairs("held-out-same-person.csv");
        long joined = pairs.stream().filter(p -> joined(p[0], p[1])).count();
        assertThat(pairs).hasSizeGreaterThanOrEqualTo(100);
        assertThat((double) joined / pairs.size()).as("held-out pairs joined: %d of %d", joined, pairs.size())
                .isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void atMost1PercentOfDifferentPeoplePairsJoin() throws IOException {
        List<String[]> pairs = pairs("different-people.csv");
        List<String> joined = new ArrayList<>();
        for (String[] p : pairs) {
            if (joined(p[0], p[1])) {
                joined.add(p[0] + " / " + p[1]);
            }
        }
        double rate = (double) joined.size() / pairs.size();
        assertThat(pairs).hasSizeGreaterThanOrEqualTo(300);
        assertThat(rate).as("different-people pairs joined: %s of %d: %s",
                String.format(Locale.ROOT, "%.3f", rate), pairs.size(), joined).isLessThanOrEqualTo(0.01);
    }

    private static boolean joined(String a, String b) {
        Document da = doc("a", a);
        Document db = doc("b", b);
        NameResolver r = new NameResolver();
        r.preResolve(List.of(da, db));
        return r.resolve(da.entities().get(0)).equals(r.resolve(db.entities().get(0)));
    }

    private static Document doc(String id, String name) {
        return new Document(new Article(id, "o", "h", null, null, null),
                List.of(new Source("o", "Outlet", SourceKind.OUTLET, null)), List.of(new Entity("p", name)), List.of());
    }

    /** The rows of a table with a header and '#' comments; fields are plain or double-quoted. */
    static List<String[]> pairs(String file) throws IOException {
        List<String[]> out = new ArrayList<>();
        boolean header = true;
        for (String line : Files.readAllLines(DIR.resolve(file), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            List<String> fields = new ArrayList<>();
            StringBuilder f = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '"') {
                    quoted = !quoted;
                } else if (c == ',' && !quoted) {
                    fields.add(f.toString());
                    f.setLength(0);
                } else {
                    f.append(c);
                }
            }
            fields.add(f.toString());
            if (fields.size() != 4) {
                throw new IllegalStateException(file + ": expected 4 fields in: " + line);
            }
            out.add(fields.toArray(String[]::new));
        }
        return out;
    }
}
