package org.factlint.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.factlint.RuleProblem;

/**
 * The name knowledge a rule pack carries as data, in {@code names/}: how news spells words of other scripts
 * ({@code romanisation.csv}: Рахмон is Rahmon), the national press alphabets that write foreign names
 * ({@code alphabets.csv}: Polish cz is ch), the given names that differ between languages by more than a
 * convention ({@code given-names.csv}: Mykola is Nikolai) and the syllable charts by which Russian-language news
 * writes Chinese, Japanese and Korean names ({@code syllables.csv}: Си Цзиньпин is Xi Jinping). The transliteration
 * conventions that are algorithms rather than rows an editor adds (regular expressions over a word, ICU rules for Arabic script) stay in the jar
 * ({@code org/factlint/names/readings.csv}, {@code arabic-latin.txt}): a pack from outside is data, and a regular
 * expression or a transliterator's rules from it would be evaluated on every name.
 *
 * <p>A pack without a {@code names/} file of these uses the bundled pack's; each file a pack has replaces the
 * bundled one of that name. Every bad row is reported with its file, line and column; the good rows are kept.
 * Immutable apart from its cache of word keys, which is safe to share across threads.
 */
final class NameTables {
    static final String DIR = "names/";
    static final String ROMANISATION = DIR + "romanisation.csv";
    static final String ALPHABETS = DIR + "alphabets.csv";
    static final String GIVEN_NAMES = DIR + "given-names.csv";
    static final String DISTINCT_NAMES = DIR + "distinct-names.csv";
    static final String SYLLABLES = CyrillicSyllables.FILE;
    private static final List<String> FILES = List.of(ROMANISATION, ALPHABETS, GIVEN_NAMES, DISTINCT_NAMES, SYLLABLES);
    /**
     * A word of a name (a given name, a name kept apart): at most 30 letters. An alphabet's letter group and its
     * reading are at most 6 letters, so a pack's row cannot make a word's readings much longer than the word.
     */
    private static final Pattern WORD = Pattern.compile("[a-z]{1,30}");
    private static final Pattern GROUP = Pattern.compile("[a-z]{1,6}");
    private static final Pattern LATIN = Pattern.compile("[A-Za-z][A-Za-z' \\-]{0,59}");
    /** The jar's transliteration conventions: the part of a word's readings that is no pack's data. */
    static final Readings CONVENTIONS = Readings.load("/org/factlint/names/readings.csv");
    private static final NameTables EMPTY = new NameTables(Map.of(), List.of(), Map.of(), java.util.Set.of(),
            CyrillicSyllables.NONE);

    /** The bundled pack's tables: what {@link Names}' one-argument methods and a pack without tables use. */
    static final NameTables DEFAULT = bundled();

    private final Map<String, String> newsSpelling;
    /** Each alphabet's {@code {letters, reading}} groups, by alphabet, in file order. */
    private final List<List<String[]>> alphabets;
    private final Map<String, String> givenNames;
    /** Pairs of words that are two names, as {@code "a b"} both ways: no reading of one is the other. */
    private final java.util.Set<String> distinct;
    /** The Cyrillic syllable charts of Chinese, Japanese and Korean names ({@code syllables.csv}). */
    private final CyrillicSyllables syllables;
    private final Readings readings;
    /** Word keys by word ({@link Names#wordKeys}): a name's words repeat across documents. */
    final Map<String, List<String>> wordKeys = new ConcurrentHashMap<>();

    /**
     * Keys already made with these tables, by name: a key is a pure function of the name and the tables, and a feed or
     * an archive names the same people again and again (a store's add folds every name of the article once to look
     * it up and again to load it). Bounded: emptied when full.
     */
    private final Map<String, NameKey> keys = new ConcurrentHashMap<>();
    private static final int KEYS = 100_000;

    /** The key of a name, made once per name with these tables. */
    NameKey key(String name, java.util.function.Function<String, NameKey> make) {
        NameKey k = keys.get(name);
        if (k == null) {
            k = make.apply(name);
            if (keys.size() >= KEYS) {
                keys.clear();
            }
            keys.put(name, k);
        }
        return k;
    }

    private NameTables(Map<String, String> newsSpelling, List<List<String[]>> alphabets, Map<String, String> givenNames,
            java.util.Set<String> distinct, CyrillicSyllables syllables) {
        this.distinct = java.util.Set.copyOf(distinct);
        this.syllables = syllables;
        this.newsSpelling = Map.copyOf(newsSpelling);
        this.alphabets = List.copyOf(alphabets);
        this.givenNames = Map.copyOf(givenNames);
        this.readings = CONVENTIONS.with(this.alphabets, this.givenNames);
    }

    /** True for a pack file that is one of these tables' (or should be: any {@code names/} file). */
    static boolean isNameTable(String file) {
        return file.startsWith(DIR);
    }

    /** How news spells a word of another script (lower case, NFC), or null. */
    String newsSpelling(String word) {
        return newsSpelling.get(word);
    }

    /** Whether a reading of a word is another name ({@code distinct-names.csv}: Samer and Samir). */
    boolean distinct(String word, String reading) {
        return !distinct.isEmpty() && distinct.contains(word + " " + reading);
    }

    /**
     * The readings of a Cyrillic name as Chinese, Japanese or Korean syllables, each a list of Latin words, one per
     * word of the name ({@code syllables.csv}: Си Цзиньпин is xi jinping); empty for a name no chart reads.
     */
    List<List<String>> syllableReadings(String name) {
        return syllables.readings(name);
    }

    /** Whether a lower-case Latin word splits wholly into the Latin spellings of a system's syllables. */
    boolean inSyllables(String system, String word) {
        return syllables.latinSplits(system, word);
    }

    /** Every reading a word has besides its own: the jar's conventions, this pack's alphabets and given names. */
    Readings readings() {
        return readings;
    }

    /**
     * The tables of a pack's files ({@code names/*.csv} by relative name), or null when it has none, so it uses
     * {@link #DEFAULT}. Problems are added to {@code problems} with their file, line and column.
     */
    static NameTables read(Map<String, String> files, List<RuleProblem> problems) {
        Map<String, String> mine = new TreeMap<>();
        files.forEach((f, text) -> {
            if (isNameTable(f)) {
                mine.put(f, text);
            }
        });
        if (mine.isEmpty()) {
            return null;
        }
        NameTables read = read(mine, problems, DEFAULT);
        return read.sameAs(DEFAULT) ? DEFAULT : read; // the bundled pack, or a copy: one cache of word keys
    }

    private static NameTables read(Map<String, String> files, List<RuleProblem> problems, NameTables fallback) {
        for (String f : files.keySet()) {
            if (!FILES.contains(f)) {
                problems.add(new RuleProblem(f, 1, 1, "unknown name table: a pack reads " + ROMANISATION
                        + " (script,latin), " + ALPHABETS + " (alphabet,letters,reading), " + GIVEN_NAMES
                        + " (name,variant), " + DISTINCT_NAMES + " (name,other) and " + SYLLABLES
                        + " (system,part,cyrillic,latin)"));
            }
        }
        Map<String, String> spelling = files.containsKey(ROMANISATION)
                ? romanisation(ROMANISATION, files.get(ROMANISATION), problems) : fallback.newsSpelling;
        List<List<String[]>> alphabets = files.containsKey(ALPHABETS)
                ? alphabets(ALPHABETS, files.get(ALPHABETS), problems) : fallback.alphabets;
        Map<String, String> given = files.containsKey(GIVEN_NAMES)
                ? givenNames(GIVEN_NAMES, files.get(GIVEN_NAMES), problems) : fallback.givenNames;
        java.util.Set<String> distinct = files.containsKey(DISTINCT_NAMES)
                ? distinctNames(DISTINCT_NAMES, files.get(DISTINCT_NAMES), problems) : fallback.distinct;
        CyrillicSyllables syllables = files.containsKey(SYLLABLES)
                ? CyrillicSyllables.read(SYLLABLES, files.get(SYLLABLES), problems) : fallback.syllables;
        return new NameTables(spelling, alphabets, given, distinct, syllables);
    }

    private boolean sameAs(NameTables o) {
        if (!newsSpelling.equals(o.newsSpelling) || !givenNames.equals(o.givenNames) || !distinct.equals(o.distinct)
                || !syllables.equals(o.syllables)
                || alphabets.size() != o.alphabets.size()) {
            return false;
        }
        for (int i = 0; i < alphabets.size(); i++) {
            List<String[]> a = alphabets.get(i);
            List<String[]> b = o.alphabets.get(i);
            if (a.size() != b.size()) {
                return false;
            }
            for (int j = 0; j < a.size(); j++) {
                if (!java.util.Arrays.equals(a.get(j), b.get(j))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** {@code romanisation.csv}: a word in another script and its spelling in English-language news. */
    private static Map<String, String> romanisation(String file, String text, List<RuleProblem> problems) {
        Map<String, String> out = new HashMap<>();
        Map<String, Integer> lineOf = new HashMap<>();
        for (Tables.Row row : Tables.rows(file, text, List.of("script", "latin"), problems)) {
            String script = Normalizer.normalize(row.values().get(0), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
            String latin = row.values().get(1);
            if (script.isEmpty() || script.chars().allMatch(c -> c < 0x80) || !script.codePoints().allMatch(c -> Character.isLetter(c) || c == '-' || c == '\'')) {
                problems.add(row.problem(row.columns().get(0), "'" + row.values().get(0) + "' is not a word in another"
                        + " script (letters and hyphens, not Latin: рахмон, касым-жомарт)"));
                continue;
            }
            if (!LATIN.matcher(latin).matches()) {
                problems.add(row.problem(row.columns().get(1), "'" + latin + "' is not a spelling in Latin letters"
                        + " (up to 60 letters, hyphens, apostrophes: Rahmon, Kassym-Jomart)"));
                continue;
            }
            Integer earlier = lineOf.putIfAbsent(script, row.line());
            if (earlier != null) {
                problems.add(row.problem(row.columns().get(0), "'" + script + "' is already spelled at line " + earlier));
                continue;
            }
            out.put(script, latin);
        }
        return out;
    }

    /** {@code alphabets.csv}: an alphabet's letter groups and the English-style letters each stands for. */
    private static List<List<String[]>> alphabets(String file, String text, List<RuleProblem> problems) {
        Map<String, List<String[]>> byAlphabet = new LinkedHashMap<>();
        Map<String, Integer> lineOf = new HashMap<>();
        for (Tables.Row row : Tables.rows(file, text, List.of("alphabet", "letters", "reading"), problems)) {
            String alphabet = row.values().get(0);
            String letters = row.values().get(1);
            String reading = row.values().get(2);
            if (!GROUP.matcher(alphabet).matches()) {
                problems.add(row.problem(row.columns().get(0), "'" + alphabet + "' is not an alphabet's name"
                        + " (lower-case letters: pl, hu)"));
                continue;
            }
            if (!GROUP.matcher(letters).matches()) {
                problems.add(row.problem(row.columns().get(1), "'" + letters + "' is not a letter group (1 to 6 lower-case"
                        + " Latin letters without marks, as the key reads words: cz, szcz)"));
                continue;
            }
            if (!reading.isEmpty() && !GROUP.matcher(reading).matches()) {
                problems.add(row.problem(row.columns().get(2), "'" + reading + "' is not a reading (up to 6 lower-case"
                        + " Latin letters, or empty for none: ch, shch)"));
                continue;
            }
            Integer earlier = lineOf.putIfAbsent(alphabet + "," + letters, row.line());
            if (earlier != null) {
                problems.add(row.problem(row.columns().get(1), "'" + letters + "' of alphabet '" + alphabet
                        + "' is already read at line " + earlier));
                continue;
            }
            byAlphabet.computeIfAbsent(alphabet, a -> new ArrayList<>()).add(new String[] {letters, reading});
        }
        List<List<String[]>> out = new ArrayList<>();
        byAlphabet.values().forEach(groups -> out.add(List.copyOf(groups)));
        return out;
    }

    /**
     * A two-word row's words, lower-cased; {@code null}, with a located problem for each, when one is not a word or the
     * second is the first ({@code same} says what it then is).
     */
    private static String[] wordPair(Tables.Row row, String example, String same, List<RuleProblem> problems) {
        String[] words = {row.values().get(0).toLowerCase(Locale.ROOT), row.values().get(1).toLowerCase(Locale.ROOT)};
        boolean ok = true;
        for (int i = 0; i < 2; i++) {
            if (!WORD.matcher(words[i]).matches()) {
                problems.add(row.problem(row.columns().get(i), "'" + row.values().get(i) + "' is not one word of up to"
                        + " 30 Latin letters without marks (" + example + ")"));
                ok = false;
            }
        }
        if (ok && words[0].equals(words[1])) {
            problems.add(row.problem(row.columns().get(1), "'" + words[1] + "' is " + same));
            ok = false;
        }
        return ok ? words : null;
    }

    /** {@code given-names.csv}: a variant of a given name, and the name it is read as. */
    private static Map<String, String> givenNames(String file, String text, List<RuleProblem> problems) {
        Map<String, String> out = new HashMap<>();
        Map<String, Integer> lineOf = new HashMap<>();
        for (Tables.Row row : Tables.rows(file, text, List.of("name", "variant"), problems)) {
            String[] words = wordPair(row, "the key reads Микола and Mykóla as mykola", "the name itself, not a variant",
                    problems);
            if (words == null) {
                continue;
            }
            String name = words[0];
            String variant = words[1];
            Integer earlier = lineOf.putIfAbsent(variant, row.line());
            if (earlier != null) {
                problems.add(row.problem(row.columns().get(1), "'" + variant + "' is already a variant of '"
                        + out.get(variant) + "' at line " + earlier));
                continue;
            }
            out.put(variant, name);
        }
        return out;
    }

    /** {@code distinct-names.csv}: two words that are two names, which no convention may read as each other. */
    private static java.util.Set<String> distinctNames(String file, String text, List<RuleProblem> problems) {
        java.util.Set<String> out = new java.util.HashSet<>();
        Map<String, Integer> lineOf = new HashMap<>();
        for (Tables.Row row : Tables.rows(file, text, List.of("name", "other"), problems)) {
            String[] words = wordPair(row, "samer", "the name itself", problems);
            if (words == null) {
                continue;
            }
            String name = words[0];
            String other = words[1];
            String pair = name.compareTo(other) < 0 ? name + " " + other : other + " " + name;
            Integer earlier = lineOf.putIfAbsent(pair, row.line());
            if (earlier != null) {
                problems.add(row.problem(1, "'" + name + "' and '" + other + "' are already kept apart at line " + earlier));
                continue;
            }
            out.add(name + " " + other);
            out.add(other + " " + name);
        }
        return out;
    }

    /** The bundled pack's {@code names/} files, from the classpath (the jar's copy of {@code rules/}). */
    private static NameTables bundled() {
        Map<String, String> files = new TreeMap<>();
        for (String f : FILES) {
            String resource = "/org/factlint/rules/default/" + f;
            try (InputStream in = NameTables.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException(resource + " is missing from the classpath");
                }
                files.put(f, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        List<RuleProblem> problems = new ArrayList<>();
        NameTables tables = read(files, problems, EMPTY);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the bundled name tables are wrong: " + problems);
        }
        return tables;
    }
}
