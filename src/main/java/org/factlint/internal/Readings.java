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

    /** A regex row, or a letters row ({@code pattern} null, {@code from} and {@code to} the letters). */
    private record Rule(Pattern pattern, String reading, String from, String to) {
        String apply(String word) {
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

    private Readings(List<Rule> rules, Pattern articles) {
        this.rules = List.copyOf(rules);
        this.articles = articles;
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
        List<String> particles = new ArrayList<>();
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
                case "word" -> {
                    try {
                        rules.add(new Rule(Pattern.compile(pattern), Matcher.quoteReplacement(cols[2].strip()), null, null));
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
                case "article" -> {
                    if (!pattern.matches("[a-z]+")) {
                        throw new IllegalStateException(file + ":" + no + ": an article is lower-case letters, not '"
                                + pattern + "'");
                    }
                    particles.add(pattern);
                }
                default -> throw new IllegalStateException(file + ":" + no + ": kind is 'word', 'letters' or 'article', not '"
                        + kind + "'");
            }
        }
        // a particle with a hyphen (al-Assad), or al/el as a word of its own after the first (Tamim bin Hamad Al Thani)
        List<String> apart = particles.stream().filter(a -> a.equals("al") || a.equals("el")).toList();
        Pattern articles = particles.isEmpty() ? null
                : Pattern.compile("(?iu)(?<!\\p{L})(?:" + String.join("|", particles) + ")[-\u2010\u2011](?=\\p{L})"
                        + (apart.isEmpty() ? "" : "|(?<=\\p{L} )(?:" + String.join("|", apart) + ") +(?=\\p{L})"));
        return new Readings(rules, articles);
    }

    /**
     * The other readings of one lower-case Latin word: each row applied to the word as written, so the readings grow
     * with the rows, not with their combinations.
     */
    List<String> of(String word) {
        Set<String> out = new LinkedHashSet<>();
        for (Rule rule : rules) {
            String other = rule.apply(word);
            if (!other.equals(word)) {
                out.add(other);
                if (out.size() == MAX_READINGS) {
                    break;
                }
            }
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
