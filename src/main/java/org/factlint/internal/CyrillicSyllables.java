package org.factlint.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.factlint.RuleProblem;

/**
 * The syllable charts by which Russian-language news writes Chinese, Japanese and Korean names in Cyrillic
 * ({@code names/syllables.csv}: Palladius, Polivanov, Kontsevich), read back into the Latin spellings English-language
 * news uses: Си Цзиньпин is Xi Jinping, Кисида Kishida, Ким Чен Ын Kim Jong Un. A name is read in a system only when
 * every word of it splits wholly into that system's syllables, so a Russian name (Владимир) never is. Immutable.
 */
final class CyrillicSyllables {
    static final String FILE = NameTables.DIR + "syllables.csv";
    static final CyrillicSyllables NONE = new CyrillicSyllables(Map.of());
    private static final List<String> COLUMNS = List.of("system", "part", "cyrillic", "latin");
    private static final List<String> PARTS = List.of("syllable", "initial", "vowel", "final");
    private static final Pattern SYSTEM = Pattern.compile("[a-z]{2,3}");
    private static final Pattern CYRILLIC = Pattern.compile("[а-яё]{1,6}");
    private static final Pattern LATIN = Pattern.compile("[a-z]{1,8}");
    /** Readings of one word at most: a syllable with several rows multiplies them. */
    private static final int MAX_READINGS = 8;
    /** Words longer than this are no name of one of these systems (and would cost a long split). */
    private static final int MAX_WORD = 24;

    /** One system's rows: by part, each Cyrillic piece's Latin readings in file order; the Latin syllables. */
    private record Chart(Map<String, Map<String, List<String>>> parts, Set<String> latin) {
        Map<String, List<String>> part(String name) {
            return parts.getOrDefault(name, Map.of());
        }
    }

    private final Map<String, Chart> systems;

    private CyrillicSyllables(Map<String, Chart> systems) {
        this.systems = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(systems)); // in the file's order
    }

    boolean isEmpty() {
        return systems.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CyrillicSyllables s && s.systems.equals(systems);
    }

    @Override
    public int hashCode() {
        return systems.hashCode();
    }

    /**
     * The readings of a Cyrillic name in the first system (in the file's order: Chinese, Japanese, Korean) whose
     * syllables all its words split into: each reading a list of Latin words, one per word of the name (split as the
     * name's romanisation is, at anything not a letter). Empty for a name no system reads. One system only: the
     * readings of a Chinese name as Korean syllables would be noise, and each reading is more keys.
     */
    List<List<String>> readings(String name) {
        if (systems.isEmpty()) {
            return List.of();
        }
        String[] words = name.toLowerCase(Locale.ROOT).split("[^\\p{L}]+");
        List<String> kept = new ArrayList<>();
        for (String w : words) {
            if (!w.isEmpty()) {
                kept.add(w);
            }
        }
        List<List<String>> out = new ArrayList<>();
        for (Chart chart : systems.values()) {
            List<List<String>> perWord = new ArrayList<>();
            for (String w : kept) {
                List<String> r = w.length() > MAX_WORD ? List.of() : split(chart, w);
                if (r.isEmpty()) {
                    perWord = null;
                    break;
                }
                perWord.add(r);
            }
            if (perWord == null || perWord.isEmpty()) {
                continue;
            }
            // one reading of the name for each alternative: the i-th reading of each word (its last when it has fewer);
            // the key merges a word's readings whatever reading of the name they came in
            int most = perWord.stream().mapToInt(List::size).max().orElse(0);
            for (int k = 0; k < most; k++) {
                List<String> reading = new ArrayList<>(perWord.size());
                for (List<String> r : perWord) {
                    reading.add(r.get(Math.min(k, r.size() - 1)));
                }
                out.add(List.copyOf(reading));
            }
            return out;
        }
        return out;
    }

    /**
     * Whether a lower-case Latin word splits wholly into the Latin spellings of a system's syllable rows (Kishida is
     * ki-shi-da in Hepburn); false for a system with no such rows.
     */
    boolean latinSplits(String system, String word) {
        Chart chart = systems.get(system);
        if (chart == null || chart.latin().isEmpty() || word.isEmpty() || word.length() > MAX_WORD) {
            return false;
        }
        boolean[] reached = new boolean[word.length() + 1];
        reached[0] = true;
        for (int i = 0; i < word.length(); i++) {
            if (!reached[i]) {
                continue;
            }
            for (int end = i + 1; end <= Math.min(word.length(), i + 8); end++) {
                if (chart.latin().contains(word.substring(i, end))) {
                    reached[end] = true;
                }
            }
        }
        return reached[word.length()];
    }

    /** Every Latin spelling of a whole word split into the chart's syllables (at most {@value #MAX_READINGS}). */
    private static List<String> split(Chart chart, String word) {
        // readings.get(i): the spellings of word[0, i); a syllable is a syllable row, or initial? vowel final?
        List<Set<String>> at = new ArrayList<>(word.length() + 1);
        for (int i = 0; i <= word.length(); i++) {
            at.add(new LinkedHashSet<>());
        }
        at.get(0).add("");
        for (int i = 0; i < word.length(); i++) {
            Set<String> before = at.get(i);
            if (before.isEmpty()) {
                continue;
            }
            for (Map.Entry<Integer, List<String>> s : syllablesAt(chart, word, i).entrySet()) {
                Set<String> after = at.get(s.getKey());
                for (String b : before) {
                    for (String l : s.getValue()) {
                        if (after.size() < MAX_READINGS) {
                            after.add(b + l);
                        }
                    }
                }
            }
        }
        return List.copyOf(at.get(word.length()));
    }

    /** The syllables that start at {@code i}: their end, and their spellings. */
    private static Map<Integer, List<String>> syllablesAt(Chart chart, String word, int i) {
        Map<Integer, List<String>> out = new LinkedHashMap<>();
        pieces(chart.part("syllable"), word, i).forEach((end, latin) -> out.computeIfAbsent(end, e -> new ArrayList<>()).addAll(latin));
        Map<String, List<String>> vowels = chart.part("vowel");
        if (vowels.isEmpty()) {
            return out;
        }
        Map<Integer, List<String>> heads = new LinkedHashMap<>(pieces(chart.part("initial"), word, i));
        heads.put(i, List.of(""));
        heads.forEach((afterInitial, initials) -> pieces(vowels, word, afterInitial).forEach((afterVowel, vs) -> {
            Map<Integer, List<String>> tails = new LinkedHashMap<>();
            tails.put(afterVowel, List.of(""));
            tails.putAll(pieces(chart.part("final"), word, afterVowel));
            tails.forEach((end, finals) -> {
                List<String> spellings = out.computeIfAbsent(end, e -> new ArrayList<>());
                for (String a : initials) {
                    for (String v : vs) {
                        for (String f : finals) {
                            if (spellings.size() < MAX_READINGS) {
                                spellings.add(a + v + f);
                            }
                        }
                    }
                }
            });
        }));
        return out;
    }

    /** The pieces of one part that start at {@code i}: their end, and their spellings. */
    private static Map<Integer, List<String>> pieces(Map<String, List<String>> part, String word, int i) {
        Map<Integer, List<String>> out = new LinkedHashMap<>();
        for (int end = i + 1; end <= Math.min(word.length(), i + 6); end++) {
            List<String> latin = part.get(word.substring(i, end));
            if (latin != null) {
                out.put(end, latin);
            }
        }
        return out;
    }

    /** {@code names/syllables.csv}: every bad row reported with its line and column; the good rows are kept. */
    static CyrillicSyllables read(String file, String text, List<RuleProblem> problems) {
        Map<String, Map<String, Map<String, List<String>>>> systems = new LinkedHashMap<>();
        Map<String, Integer> lineOf = new HashMap<>();
        for (Tables.Row row : Tables.rows(file, text, COLUMNS, problems)) {
            String system = row.values().get(0);
            String part = row.values().get(1);
            String cyrillic = row.values().get(2);
            String latin = row.values().get(3);
            if (!SYSTEM.matcher(system).matches()) {
                problems.add(row.problem(row.columns().get(0), "'" + system + "' is not a system's name (2 or 3 lower-case"
                        + " letters: zh, ja, ko)"));
                continue;
            }
            if (!PARTS.contains(part)) {
                problems.add(row.problem(row.columns().get(1), "'" + part + "' is not a part (one of: "
                        + String.join(", ", PARTS) + ")"));
                continue;
            }
            if (!CYRILLIC.matcher(cyrillic).matches()) {
                problems.add(row.problem(row.columns().get(2), "'" + cyrillic + "' is not a syllable in Cyrillic (1 to 6"
                        + " lower-case Cyrillic letters: цзинь, си)"));
                continue;
            }
            if (!LATIN.matcher(latin).matches()) {
                problems.add(row.problem(row.columns().get(3), "'" + latin + "' is not a Latin spelling (1 to 8"
                        + " lower-case Latin letters without marks: jin, shi)"));
                continue;
            }
            Integer earlier = lineOf.putIfAbsent(system + "," + part + "," + cyrillic + "," + latin, row.line());
            if (earlier != null) {
                problems.add(row.problem(row.columns().get(3), "'" + cyrillic + "' is already read '" + latin + "' in "
                        + system + " at line " + earlier));
                continue;
            }
            systems.computeIfAbsent(system, s -> new LinkedHashMap<>()).computeIfAbsent(part, p -> new HashMap<>())
                    .computeIfAbsent(cyrillic, c -> new ArrayList<>()).add(latin);
        }
        Map<String, Chart> charts = new LinkedHashMap<>();
        systems.forEach((system, parts) -> {
            Map<String, Map<String, List<String>>> frozen = new HashMap<>();
            parts.forEach((p, pieces) -> {
                Map<String, List<String>> f = new HashMap<>();
                pieces.forEach((c, l) -> f.put(c, List.copyOf(l)));
                frozen.put(p, Map.copyOf(f));
            });
            Set<String> latin = new java.util.HashSet<>();
            frozen.getOrDefault("syllable", Map.of()).values().forEach(latin::addAll);
            charts.put(system, new Chart(Map.copyOf(frozen), Set.copyOf(latin)));
        });
        return new CyrillicSyllables(charts);
    }
}
