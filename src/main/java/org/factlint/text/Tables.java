package org.factlint.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.factlint.model.CueCategory;
import org.factlint.model.SourceKind;

/**
 * The front end's word lists, read once from CSV resources next to this class: cues ({@code cues.csv}), known
 * sources ({@code sources.csv}), places and demonyms ({@code places.csv}), titles ({@code titles.csv}) and event
 * words ({@code predicates.csv}), and the pack's predicate table for verb forms and canonical predicates
 * ({@link PredicateForms}). Data, not code: extend the files, not the heuristics.
 */
final class Tables {
    record SourceRow(String phrase, SourceKind kind, String party) {
    }

    /** A row of {@code places.csv}; {@code city} is the city a landmark lies in, or null. */
    record Place(String name, String type, String country, String city) {
        Place {
            city = city == null || city.isBlank() ? null : city;
        }

        boolean demonym() {
            return type.equals("demonym");
        }
    }

    /** A phrase naming a group ({@code groups.csv}): its lemmas, the group's name and membership rule. */
    record GroupRow(List<String> lemmas, String group, String members) {
        static final Set<String> RULES = Set.of("foreign-leader");

        GroupRow {
            lemmas = List.copyOf(lemmas);
        }
    }

    static final Tables DEFAULT = load();

    /** Phrases naming groups, longest first ({@code groups.csv}). */
    final List<GroupRow> groups = groupRows(rows("groups.csv", 3));

    final CueFinder cues;
    /**
     * What a figure of a predicate counts ({@code figures.csv}), by "predicate,unit": "10 thousand people will take
     * part in the parade" gives the parade's participants.
     */
    final Map<String, String> figures = figureRows(rows("figures.csv", 3));
    /** Units that make a number something other than a count: percent, dollars, years, hours ({@code units.csv}). */
    final Set<String> nonCounts = Set.copyOf(rows("units.csv", 2).stream().filter(r -> !r[1].equals("count"))
            .map(r -> r[0].toLowerCase(Locale.ROOT)).toList());
    /** Dates, times and quantities typed. */
    final NumberStage numbers = new NumberStage(nonCounts);
    /** Negation, modals, hedges, conditionals and intention verbs ({@code factuality.csv}). */
    final FactualityStage factuality = new FactualityStage(rows("factuality.csv", 3));
    /** Sources by lower-case phrase, longest phrase first. */
    final List<SourceRow> sources;
    /** The phrase of each source row folded ({@link org.factlint.internal.Names#fold}) between spaces. */
    final List<String> sourceFolds;
    /** Each place name as a whole-word pattern (not inside a longer word). */
    final Map<String, java.util.regex.Pattern> placePatterns;
    /** The source-phrase patterns of {@link Extractor}, from the reporting verbs of the cue table. */
    final SourceStage.SourcePatterns sourcePatterns;
    /** Places by exact name (case-sensitive: "US" is a country, "us" a pronoun). */
    final Map<String, Place> places;
    /** Title phrases (lower case) and the source kind of a speaker holding them. */
    final Map<String, SourceKind> titles;
    /** Single words that occur in titles ("deputy", "foreign", "minister"). */
    final Set<String> titleWords;
    /** Event lemma (one or more words) to predicate, in priority order, for words the pack's table has no verb for. */
    final LinkedHashMap<String, String> predicates;
    /** The pack's verb forms and synonyms ({@code lexicon/predicates.csv}). */
    final PredicateForms verbs;
    /** Named word lists ({@code words.csv}): months, light verbs, organisation words, … */
    private final Map<String, Set<String>> words = wordLists();
    /**
     * Reporting verbs, nouns, phrases and adverbs ({@code reporting.csv}); the labels before a colon that name no
     * speaker ({@code words.csv}, colon-label).
     */
    final Attributor attributor = new Attributor(rows("reporting.csv", 6), words("colon-label"),
            words("naming-participle"), words("raising-verb"), new ClauseStance(union("person-noun", "group-noun"), words("complementiser"),
                    words("light-verb")));
    /** The clauses of a sentence ({@code words.csv}, clause-coordinator and clause-contrast). */
    final Clauses clauses = new Clauses(words("clause-coordinator"), words("clause-contrast"));
    /** Closed-class words ({@code words.csv}, function-word): folded in Title Case headlines. */
    final Set<String> functionWords = words("function-word");
    /**
     * The words of the front end's lexicons (cues, reporting words and their forms, factuality words, event words,
     * units, light verbs, negations, event nouns): ordinary words, folded in Title Case headlines ({@link HeadlineStage}).
     */
    final Set<String> headlineWords = lexiconWords();

    /**
     * A named word list of {@code words.csv}.
     *
     * @throws IllegalStateException if the file has no list of that name
     */
    Set<String> words(String list) {
        Set<String> w = words.get(list);
        if (w == null) {
            throw new IllegalStateException("words.csv has no list '" + list + "' (it has: "
                    + new java.util.TreeSet<>(words.keySet()) + ")");
        }
        return w;
    }

    private Set<String> union(String... lists) {
        Set<String> out = new HashSet<>();
        for (String list : lists) {
            out.addAll(words(list));
        }
        return out;
    }

    private Set<String> lexiconWords() {
        Set<String> out = new HashSet<>();
        for (String[] r : rows("cues.csv", 2)) {
            for (String w : r[1].split("[\\s|\\[\\]]+")) {
                out.add(w.toLowerCase(Locale.ROOT));
            }
        }
        for (String[] r : rows("reporting.csv", 6)) {
            out.addAll(List.of(r[0].toLowerCase(Locale.ROOT).split("\\s+")));
            out.addAll(List.of(r[3].toLowerCase(Locale.ROOT).split("\\s+")));
        }
        for (String file : List.of("factuality.csv", "predicates.csv", "units.csv")) {
            for (String[] r : rows(file, file.equals("factuality.csv") ? 3 : 2)) {
                out.addAll(List.of(r[0].toLowerCase(Locale.ROOT).split("\\s+")));
            }
        }
        for (String list : List.of("light-verb", "negation", "event-noun", "headline-word")) {
            out.addAll(words(list));
        }
        out.remove("");
        return Set.copyOf(out);
    }

    static Map<String, String> figureRows(List<String[]> rows) {
        Map<String, String> out = new HashMap<>();
        for (String[] r : rows) {
            String key = r[0].toLowerCase(Locale.ROOT) + "," + r[1].toLowerCase(Locale.ROOT);
            String before = out.putIfAbsent(key, r[2]);
            if (before != null && !before.equals(r[2])) {
                throw new IllegalStateException("figures.csv: '" + r[0] + "' counting '" + r[1] + "' is both '"
                        + before + "' and '" + r[2] + "'");
            }
        }
        return Map.copyOf(out);
    }

    static List<GroupRow> groupRows(List<String[]> rows) {
        List<GroupRow> out = new ArrayList<>();
        for (String[] r : rows) {
            if (!GroupRow.RULES.contains(r[2])) {
                throw new IllegalStateException("groups.csv: phrase '" + r[0] + "': unknown membership '" + r[2]
                        + "' (expected one of: " + new java.util.TreeSet<>(GroupRow.RULES) + ")");
            }
            out.add(new GroupRow(List.of(r[0].toLowerCase(Locale.ROOT).split("\\s+")), r[1], r[2]));
        }
        out.sort((a, b) -> b.lemmas().size() - a.lemmas().size());
        return List.copyOf(out);
    }

    private static Map<String, Set<String>> wordLists() {
        Map<String, Set<String>> out = new HashMap<>();
        for (String[] r : rows("words.csv", 2)) {
            out.computeIfAbsent(r[0], k -> new HashSet<>()).add(r[1]);
        }
        Map<String, Set<String>> copy = new HashMap<>();
        out.forEach((k, v) -> copy.put(k, Set.copyOf(v)));
        return Map.copyOf(copy);
    }

    private Tables(CueFinder cues, List<SourceRow> sources, Map<String, Place> places, Map<String, SourceKind> titles,
                   LinkedHashMap<String, String> predicates, PredicateForms verbs) {
        this.cues = cues;
        this.sources = sources;
        this.sourceFolds = sources.stream().map(r -> " " + org.factlint.internal.Names.fold(r.phrase()) + " ")
                .toList();
        this.places = places;
        Map<String, java.util.regex.Pattern> patterns = new HashMap<>();
        places.keySet().forEach(n -> patterns.put(n, java.util.regex.Pattern.compile("(?<![\\p{L}])"
                + java.util.regex.Pattern.quote(n) + "(?![\\p{L}])")));
        this.placePatterns = Map.copyOf(patterns);
        this.sourcePatterns = new SourceStage.SourcePatterns(cues);
        this.titles = titles;
        Set<String> words = new HashSet<>();
        titles.keySet().forEach(t -> words.addAll(List.of(t.split("[ \\-]"))));
        words.add("presidential");
        this.titleWords = Set.copyOf(words);
        this.predicates = predicates;
        this.verbs = verbs;
    }

    /** These tables with another pack's predicate table. */
    Tables with(PredicateForms verbs) {
        return new Tables(cues, sources, places, titles, predicates, verbs);
    }

    private static Tables load() {
        List<String[]> cueRows = rows("cues.csv", 2);
        List<CueFinder.Entry> entries = new ArrayList<>();
        for (String[] r : cueRows) {
            entries.add(new CueFinder.Entry(category(r[0], "cues.csv"), r[1]));
        }
        List<SourceRow> sources = new ArrayList<>();
        for (String[] r : rows("sources.csv", 3)) {
            sources.add(new SourceRow(r[0].toLowerCase(Locale.ROOT), kind(r[1], "sources.csv"),
                    r[2].isBlank() ? null : r[2]));
        }
        sources.sort((a, b) -> b.phrase().length() - a.phrase().length());
        Map<String, Place> places = new HashMap<>();
        for (String[] r : rows("places.csv", 4)) {
            places.put(r[0], new Place(r[0], r[1], r[2], r[3]));
        }
        Map<String, SourceKind> titles = new HashMap<>();
        for (String[] r : rows("titles.csv", 2)) {
            titles.put(r[0].toLowerCase(Locale.ROOT), kind(r[1], "titles.csv"));
        }
        LinkedHashMap<String, String> predicates = new LinkedHashMap<>();
        for (String[] r : rows("predicates.csv", 2)) {
            predicates.putIfAbsent(r[0].toLowerCase(Locale.ROOT), r[1]);
        }
        return new Tables(new CueFinder(entries), List.copyOf(sources), Map.copyOf(places), Map.copyOf(titles),
                predicates, PredicateForms.bundled());
    }

    static CueCategory category(String name, String file) {
        try {
            return CueCategory.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + ": unknown cue category '" + name + "' (expected one of: "
                    + java.util.Arrays.stream(CueCategory.values()).map(c -> c.name().toLowerCase(Locale.ROOT))
                    .collect(java.util.stream.Collectors.joining(", ")) + ")");
        }
    }

    private static SourceKind kind(String name, String file) {
        try {
            return SourceKind.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + ": unknown source kind '" + name + "'");
        }
    }

    /** The data rows of a resource CSV: '#' comments and the header line skipped, exactly {@code columns} cells. */
    static List<String[]> rows(String resource, int columns) {
        try (InputStream in = Tables.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource org/factlint/text/" + resource + " is missing");
            }
            return rows(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8), columns);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + resource, e);
        }
    }

    static List<String[]> rows(String name, String csv, int columns) {
        List<String[]> out = new ArrayList<>();
        boolean header = true;
        int lineNo = 0;
        try (BufferedReader r = new BufferedReader(new java.io.StringReader(csv))) {
            String line;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] cells = line.split(",", -1);
                if (cells.length != columns) {
                    throw new IllegalStateException(name + ":" + lineNo + ": expected " + columns
                            + " comma-separated cells, found " + cells.length + ": '" + line + "'");
                }
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = cells[i].strip();
                }
                out.add(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
