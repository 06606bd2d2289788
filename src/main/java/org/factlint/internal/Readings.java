package org.factlint.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The second readings of {@code names/readings.csv}: letter groups that one transliteration convention writes for a
 * sound another writes differently (German {@code sch} that is s + ch, Ukrainian {@code h} that is Russian
 * {@code g}), and the particles that are no part of a name's identity (Arabic {@code al-}). Knowledge as data: a
 * row added to the table changes the matching key with no Java edit.
 */
final class Readings {
    /** At most this many readings of one word besides its own, so a long word cannot multiply its keys. */
    private static final int MAX_READINGS = 12;

    /**
     * A regex row, a letters row ({@code pattern} null, {@code from} and {@code to} the letters), or an alphabet row
     * ({@code groups}: a national spelling's letter groups and the English-style letters they stand for, longest
     * first).
     */
    private record Rule(Pattern pattern, String reading, String from, String to, List<String[]> groups,
            java.util.Map<String, String> words) {
        Rule(Pattern pattern, String reading, String from, String to) {
            this(pattern, reading, from, to, null, null);
        }

        String apply(String word) {
            return apply(word, false);
        }

        /** {@code always}: an alphabet's groups apply even to a word that shows none of them (another word did). */
        String apply(String word, boolean always) {
            if (words != null) {
                return words.getOrDefault(word, word); // a pack's given-name variants: one word for another
            }
            if (groups != null) {
                // every group at once, the longest at each place first (Polish szcz before cz and sz); only in a word
                // with a group of two letters or more, since a single letter alone does not show the alphabet
                // (Hungarian s is sh in Sojgu, but a word with no sz, cs or gy is not Hungarian: Sergei is no Shergei)
                StringBuilder b = new StringBuilder(word.length() + 4);
                boolean shown = false;
                outer:
                for (int i = 0; i < word.length(); ) {
                    for (String[] g : groups) {
                        if (word.startsWith(g[0], i)) {
                            b.append(g[1]);
                            i += g[0].length();
                            shown |= g[0].length() > 1;
                            continue outer;
                        }
                    }
                    b.append(word.charAt(i++));
                }
                return shown || always ? b.toString() : word;
            }
            if (pattern != null) {
                return pattern.matcher(word).replaceAll(reading);
            }
            StringBuilder b = new StringBuilder(word);
            for (int i = 0; i < b.length(); i++) {
                int at = from.indexOf(b.charAt(i));
                if (at >= 0) {
                    b.setCharAt(i, to.charAt(at));
                }
            }
            return b.toString();
        }
    }

    private final List<Rule> rules;
    private final Pattern articles;
    private final Syllables syllables;
    /** The {@code sound} rows: how a language that writes names as they sound (Russian, Greek) hears an English one. */
    private final List<Rule> sounds;

    private Readings(List<Rule> rules, Pattern articles, Syllables syllables, List<Rule> sounds) {
        this.rules = List.copyOf(rules);
        this.sounds = List.copyOf(sounds);
        this.articles = articles;
        this.syllables = syllables;
    }

    /**
     * A romanisation of syllables read into another ({@code syllable-*} rows: Wade-Giles and the Taiwanese forms into
     * pinyin). A word is a syllable when it is one of the initials (or none) followed by one of the finals; its
     * readings are every combination of its initial's and its final's other spellings, so Tse-tung is Ze-dong and
     * Hsiao-ping Xiao-ping, while a word that is no syllable (Peter) has none.
     */
    private record Syllables(java.util.Map<String, List<String>> initials, java.util.Map<String, List<String>> finals,
            java.util.Map<String, List<String>> whole) {
        List<String> of(String word) {
            List<String> out = new ArrayList<>(whole.getOrDefault(word, List.of()));
            if (word.length() > 6) {
                return out;
            }
            for (var initial : initials.entrySet()) {
                String head = initial.getKey();
                if (!word.startsWith(head)) {
                    continue;
                }
                List<String> tails = finals.get(word.substring(head.length()));
                if (tails == null) {
                    continue;
                }
                for (String i : initial.getValue()) {
                    for (String f : tails) {
                        String reading = i + f;
                        if (!reading.equals(word) && !out.contains(reading)) {
                            out.add(reading);
                        }
                    }
                }
            }
            return out;
        }
    }

    /** Reads the table from the classpath; a malformed row fails with the file, line and what was expected. */
    static Readings load(String resource) {
        try (InputStream in = Readings.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return parse(resource, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Readings parse(String file, BufferedReader r) throws IOException {
        List<Rule> rules = new ArrayList<>();
        List<Rule> sounds = new ArrayList<>();
        List<String> particles = new ArrayList<>();
        java.util.Map<String, List<String>> initials = new java.util.LinkedHashMap<>();
        java.util.Map<String, List<String>> finals = new java.util.LinkedHashMap<>();
        java.util.Map<String, List<String>> whole = new java.util.LinkedHashMap<>();
        String line;
        int no = 0;
        boolean header = true;
        while ((line = r.readLine()) != null) {
            no++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            String[] cols = line.split(",", 4);
            if (cols.length < 3) {
                throw new IllegalStateException(file + ":" + no + ": expected 'kind,pattern,reading,why' but found: " + line);
            }
            String kind = cols[0].strip();
            String pattern = cols[1].strip();
            switch (kind) {
                case "word", "sound" -> {
                    try {
                        (kind.equals("word") ? rules : sounds).add(
                                new Rule(Pattern.compile(pattern), Matcher.quoteReplacement(cols[2].strip()), null, null));
                    } catch (PatternSyntaxException e) {
                        throw new IllegalStateException(file + ":" + no + ": pattern '" + pattern + "' is not a regular "
                                + "expression: " + e.getDescription());
                    }
                }
                case "letters" -> {
                    String to = cols[2].strip();
                    if (!pattern.matches("[a-z]+") || pattern.length() != to.length() || !to.matches("[a-z]+")) {
                        throw new IllegalStateException(file + ":" + no + ": a letters row maps lower-case letters to as "
                                + "many letters, not '" + pattern + "' to '" + to + "'");
                    }
                    rules.add(new Rule(null, null, pattern, to));
                }
                case "alphabet" -> {
                    // a national spelling read as English letters: 'pl,szcz=shch cz=ch sz=sh rz=zh'
                    List<String[]> groups = new ArrayList<>();
                    for (String g : cols[2].strip().split(" +")) {
                        String[] ft = g.split("=", -1);
                        if (ft.length != 2 || !ft[0].matches("[a-z]+") || !ft[1].matches("[a-z]*")) {
                            throw new IllegalStateException(file + ":" + no + ": an alphabet row's reading is letter "
                                    + "groups 'from=to' separated by spaces, not '" + g + "'");
                        }
                        groups.add(ft);
                    }
                    rules.add(alphabet(groups));
                }
                case "article" -> {
                    if (!pattern.matches("[a-z]+")) {
                        throw new IllegalStateException(file + ":" + no + ": an article is lower-case letters, not '"
                                + pattern + "'");
                    }
                    particles.add(pattern);
                }
                case "syllable-initials", "syllable-finals" -> {
                    // spellings that stay as they are: every one is its own reading
                    var into = kind.equals("syllable-initials") ? initials : finals;
                    for (String letters : pattern.split(" +")) {
                        String l = letters.equals("-") ? "" : letters;
                        if (!l.matches("[a-z]*")) {
                            throw new IllegalStateException(file + ":" + no + ": a syllable part is lower-case letters "
                                    + "or '-' for none, not '" + letters + "'");
                        }
                        into.computeIfAbsent(l, x -> new ArrayList<>(List.of(l)));
                    }
                }
                case "syllable-initial", "syllable-final", "syllable" -> {
                    String to = cols[2].strip();
                    String from = pattern.equals("-") ? "" : pattern;
                    if (!from.matches("[a-z]*") || !to.matches("[a-z]*")) {
                        throw new IllegalStateException(file + ":" + no + ": a syllable row maps lower-case letters "
                                + "('-' for none) to lower-case letters, not '" + pattern + "' to '" + to + "'");
                    }
                    var into = kind.equals("syllable-initial") ? initials : kind.equals("syllable-final") ? finals : whole;
                    List<String> readings = into.computeIfAbsent(from,
                            x -> new ArrayList<>(kind.equals("syllable") ? List.of() : List.of(from)));
                    if (!readings.contains(to)) {
                        readings.add(to);
                    }
                }
                default -> throw new IllegalStateException(file + ":" + no + ": kind is 'word', 'sound', 'letters', "
                        + "'alphabet', 'article', 'syllable', 'syllable-initial(s)' or 'syllable-final(s)', not '" + kind + "'");
            }
        }
        // a particle with a hyphen (al-Assad), or al/el as a word of its own after the first (Tamim bin Hamad Al Thani)
        List<String> apart = particles.stream().filter(a -> a.equals("al") || a.equals("el")).toList();
        Pattern articles = particles.isEmpty() ? null
                : Pattern.compile("(?iu)(?<!\\p{L})(?:" + String.join("|", particles) + ")[-\u2010\u2011](?=\\p{L})"
                        + (apart.isEmpty() ? "" : "|(?<=\\p{L} )(?:" + String.join("|", apart) + ") +(?=\\p{L})"));
        return new Readings(rules, articles, new Syllables(copy(initials), copy(finals), copy(whole)), sounds);
    }

    /** An alphabet rule: its groups applied at once, the longest at each place first. */
    private static Rule alphabet(List<String[]> groups) {
        List<String[]> sorted = new ArrayList<>(groups);
        sorted.sort((a, b) -> b[0].length() - a[0].length());
        return new Rule(null, null, null, null, List.copyOf(sorted), null);
    }

    /**
     * These readings and a pack's own ({@link NameTables}): its national alphabets (each a list of {@code {letters,
     * reading}} groups) after the conventions, then its given-name variants (a word to the name it is a form of).
     */
    Readings with(List<List<String[]>> alphabets, java.util.Map<String, String> givenNames) {
        List<Rule> all = new ArrayList<>(rules);
        alphabets.forEach(a -> all.add(alphabet(a)));
        if (!givenNames.isEmpty()) {
            all.add(new Rule(null, null, null, null, null, java.util.Map.copyOf(givenNames)));
        }
        return new Readings(all, articles, syllables, sounds);
    }

    private static java.util.Map<String, List<String>> copy(java.util.Map<String, List<String>> m) {
        java.util.Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return java.util.Collections.unmodifiableMap(out);
    }

    /**
     * The other readings of one lower-case Latin word: each row applied to the word as written, so the readings grow
     * with the rows, not with their combinations.
     */
    List<String> of(String word) {
        Set<String> out = new LinkedHashSet<>(syllables.of(word));
        List<String> once = new ArrayList<>();
        for (Rule rule : rules) {
            String other = rule.apply(word);
            if (!other.equals(word)) {
                once.add(other);
                out.add(other);
                if (out.size() == MAX_READINGS) {
                    return List.copyOf(out);
                }
            }
        }
        // two conventions at once, after every single one: a Belarusian form is often Russian with both akanye and
        // ў (Kabiakou / Kobyakov), a Korean one with both g and eo (gyeom / kyum)
        for (String first : once) {
            for (Rule rule : rules) {
                String other = rule.apply(first);
                if (!other.equals(first) && !other.equals(word)) {
                    out.add(other);
                    if (out.size() == MAX_READINGS) {
                        return List.copyOf(out);
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    /**
     * The alphabets (their indexes) a word shows by a letter group of two letters or more: a name one word of which
     * shows an alphabet is written in it throughout (Szergej Sojgu: the sz shows Hungarian, whose s is sh).
     */
    List<Integer> alphabetsShown(String word) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            Rule r = rules.get(i);
            if (r.groups() != null && !r.apply(word).equals(word)) {
                out.add(i);
            }
        }
        return out;
    }

    /** A word read in an alphabet another word of its name shows ({@link #alphabetsShown}). */
    String inAlphabet(int alphabet, String word) {
        return rules.get(alphabet).apply(word, true);
    }

    /**
     * The readings of one lower-case Latin word as a language that writes foreign names as they sound would write it
     * ({@code sound} rows: Trump as Трамп, Biden Байден, Johnson Джонсон): each row alone, then all at once. Keys
     * from these are never compared between two Latin names ({@link NameKey#exposed}).
     */
    List<String> sounds(String word) {
        if (sounds.isEmpty()) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        String all = word;
        for (Rule rule : sounds) {
            String other = rule.apply(word);
            if (!other.equals(word)) {
                out.add(other);
            }
            all = rule.apply(all);
        }
        if (!all.equals(word)) {
            out.add(all);
        }
        return List.copyOf(out);
    }

    /** Whether a word after the first is al or el, in any case: the only names the regex must see for that. */
    private static boolean articleApart(String name) {
        for (int i = name.indexOf(' '); i > 0 && i + 3 < name.length(); i = name.indexOf(' ', i + 1)) {
            char a = Character.toLowerCase(name.charAt(i + 1));
            if ((a == 'a' || a == 'e') && Character.toLowerCase(name.charAt(i + 2)) == 'l' && name.charAt(i + 3) == ' ') {
                return true;
            }
        }
        return false;
    }

    /** The name with its particles dropped ({@code Bashar al-Assad} is {@code Bashar Assad}). */
    String withoutArticles(String name) {
        if (articles == null || name.indexOf('-') < 0 && name.indexOf('\u2010') < 0 && name.indexOf('\u2011') < 0
                && !articleApart(name)) {
            return name;
        }
        return articles.matcher(name).replaceAll("");
    }
}
