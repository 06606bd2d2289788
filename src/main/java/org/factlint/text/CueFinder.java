package org.factlint.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.factlint.model.CueCategory;

/**
 * Finds cue phrases in text. A phrase is words separated by spaces; {@code a|b} is one word out of several and
 * {@code [a]} or {@code [a|b]} an optional word, so {@code has|have not [yet] [officially] confirmed} covers "has not
 * yet officially confirmed". Matching is by whole words and case-insensitive; a phrase inside a longer match is
 * dropped ("confirmed" in "has not confirmed"); a single capitalized word in mid-sentence is a name, not a cue
 * ("May 9", not "may").
 */
final class CueFinder {
    /** One lexicon row. */
    record Entry(CueCategory category, String phrase) {
    }

    /** One match: its category, the lexicon phrase, and where it stands. */
    record Found(CueCategory category, String phrase, int start, int end) {
    }

    /**
     * A phrase's pattern and the lower-case words its first slot allows: a sentence that contains none of them
     * cannot match, so most of the several hundred patterns are never run on a sentence.
     */
    private record Compiled(Entry entry, Pattern pattern, List<String> firstWords) {
    }

    private final List<Compiled> compiled = new ArrayList<>();
    private final List<Entry> entries;

    CueFinder(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        for (Entry e : entries) {
            String first = e.phrase().strip().split("\\s+")[0];
            List<String> words = new ArrayList<>();
            for (String w : first.split("\\|")) {
                // only plain ASCII words are a safe filter for a case-insensitive Unicode match
                words.add(w.chars().allMatch(c -> c < 128) ? w.toLowerCase(Locale.ROOT) : "");
            }
            compiled.add(new Compiled(e, compile(e.phrase()), List.copyOf(words)));
        }
    }

    /** The lexicon rows, in file order. */
    List<Entry> entries() {
        return entries;
    }

    static Pattern compile(String phrase) {
        String[] slots = phrase.strip().split("\\s+");
        StringBuilder re = new StringBuilder("(?<![\\p{L}\\p{N}'])");
        for (int i = 0; i < slots.length; i++) {
            String slot = slots[i];
            boolean optional = slot.startsWith("[") && slot.endsWith("]");
            if (optional) {
                if (i == 0) {
                    throw new IllegalStateException("cue phrase '" + phrase + "': the first word cannot be optional");
                }
                slot = slot.substring(1, slot.length() - 1);
            }
            StringBuilder alts = new StringBuilder("(?:");
            String[] words = slot.split("\\|");
            for (int j = 0; j < words.length; j++) {
                if (words[j].isEmpty()) {
                    throw new IllegalStateException("cue phrase '" + phrase + "': empty alternative in '" + slot + "'");
                }
                alts.append(j == 0 ? "" : "|").append(Pattern.quote(words[j]));
            }
            alts.append(')');
            String sep = i == 0 ? "" : "\\s+";
            re.append(optional ? "(?:" + sep + alts + ")?" : sep + alts);
        }
        re.append("(?![\\p{L}\\p{N}'])");
        return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /**
     * The cues in {@code text[from, to)}. The text should be normalized ({@link Nlp#normalize}) so that typographic
     * apostrophes match.
     */
    List<Found> find(String text, int from, int to) {
        List<Found> all = new ArrayList<>();
        String lower = text.substring(from, to).toLowerCase(Locale.ROOT);
        for (Compiled c : compiled) {
            if (c.firstWords().stream().noneMatch(lower::contains)) {
                continue;
            }
            Matcher m = c.pattern().matcher(text).region(from, to);
            while (m.find()) {
                if (m.end() == m.start()) {
                    continue;
                }
                if (nameNotCue(text, from, m.start(), m.end())) {
                    continue;
                }
                all.add(new Found(c.entry().category(), c.entry().phrase(), m.start(), m.end()));
            }
        }
        all.sort(Comparator.comparingInt(Found::start).thenComparing(f -> -(f.end() - f.start())));
        List<Found> kept = new ArrayList<>();
        for (Found f : all) {
            boolean inside = false;
            for (Found g : all) {
                if (g != f && g.start() <= f.start() && f.end() <= g.end() && (g.end() - g.start()) > (f.end() - f.start())) {
                    inside = true;
                    break;
                }
            }
            // "It is expected" and "expected that" overlap: one cue, the first found
            boolean duplicate = kept.stream().anyMatch(k -> k.start() == f.start() && k.end() == f.end()
                    || k.category() == f.category() && k.start() < f.end() && f.start() < k.end());
            if (!inside && !duplicate) {
                kept.add(f);
            }
        }
        return kept;
    }

    /** A one-word match written with a capital in mid-sentence is a name ("May", "Will"). */
    private static boolean nameNotCue(String text, int sentenceStart, int start, int end) {
        String word = text.substring(start, end);
        if (word.indexOf(' ') >= 0 || !Character.isUpperCase(word.charAt(0))) {
            return false;
        }
        String before = text.substring(sentenceStart, start).strip();
        return !before.isEmpty() && !before.endsWith("\"") && !before.endsWith(":")
                && !word.toUpperCase(Locale.ROOT).equals(word);
    }
}
