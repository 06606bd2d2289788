package org.factlint.text;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The headline stage: a headline in Title Case ("Amazon Reportedly Planning to Open Stores in India") or ALL CAPS
 * ("KREMLIN DENIES PUTIN MET ERDOGAN") is folded to sentence case for tagging, so that its cues, modals and verbs
 * are read as words and not taken for a name. Needs: the text. Adds: the headline folded, character for character
 * (offsets stay those of the text; mentions keep the original spelling).
 *
 * <p>A word is kept as a name when it is a known place or title ({@code places.csv}, {@code titles.csv}) or the body
 * writes it capitalised inside a sentence and never in lower case ("Putin", "Amazon"); it is folded when it is a
 * function word ({@code words.csv}, function-word), a word of the front end's lexicons (cues, reporting words,
 * factuality words, event words, light verbs: "Reportedly", "May", "Says") or the body writes it in lower case; any
 * other word is left as it is (a name the body never mentions stays a name). The first word keeps its capital.
 * Headlines in sentence case are left alone.
 */
final class HeadlineStage {
    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}'\u2019]*");

    private final Tables tables;
    /** Words after which a word is a verb ("could Send", "to Approve", "will not Host"): modals, futures, negations. */
    private final Set<String> verbOpeners = new HashSet<>(Set.of("to", "do", "does", "did"));

    HeadlineStage(Tables tables) {
        this.tables = tables;
        for (String[] r : Tables.rows("factuality.csv", 3)) {
            if (List.of("modal", "future", "negation").contains(r[1])) {
                verbOpeners.add(r[0].toLowerCase(Locale.ROOT));
            }
        }
    }

    /** What the body says of its words: those it capitalises inside a sentence, and those it writes in lower case. */
    static final class BodyWords {
        final Map<String, String> capitalised = new HashMap<>();
        final Set<String> lower = new HashSet<>();

        static BodyWords of(String text, int from) {
            BodyWords w = new BodyWords();
            Matcher m = WORD.matcher(text).region(from, text.length());
            while (m.find()) {
                String word = m.group();
                if (Character.isLowerCase(word.charAt(0))) {
                    w.lower.add(word);
                } else if (midSentence(text, m.start())) {
                    w.capitalised.putIfAbsent(word.toLowerCase(Locale.ROOT), word);
                }
            }
            return w;
        }

        private static boolean midSentence(String text, int at) {
            for (int i = at - 1; i >= 0 && at - i < 6; i--) {
                char c = text.charAt(i);
                if (c == ' ' || c == '"' || c == '\'' || c == '\u201c' || c == '(' || c == '\u00a0') {
                    continue;
                }
                return Character.isLetterOrDigit(c) || c == ',' || c == ';' || c == ':';
            }
            return false;
        }
    }

    enum Case { SENTENCE, TITLE, UPPER }

    /** How a headline is written: ALL CAPS, Title Case (most words that are not function words capitalised), or not. */
    Case caseOf(String headline) {
        int letters = 0;
        int upper = 0;
        int content = 0;
        int capitalised = 0;
        Matcher m = WORD.matcher(headline);
        while (m.find()) {
            String w = m.group();
            for (int i = 0; i < w.length(); i++) {
                if (Character.isLetter(w.charAt(i))) {
                    letters++;
                    upper += Character.isUpperCase(w.charAt(i)) ? 1 : 0;
                }
            }
            if (!tables.functionWords.contains(w.toLowerCase(Locale.ROOT))) {
                content++;
                capitalised += Character.isUpperCase(w.charAt(0)) ? 1 : 0;
            }
        }
        if (letters >= 4 && upper == letters && content >= 2) {
            return Case.UPPER;
        }
        return content >= 3 && capitalised * 10 >= content * 8 ? Case.TITLE : Case.SENTENCE;
    }

    /** The text with its headline {@code [start, end)} folded for tagging; unchanged when the headline is in sentence case. */
    String fold(String text, int start, int end) {
        String headline = text.substring(start, end);
        Case c = caseOf(headline);
        if (c == Case.SENTENCE) {
            return text;
        }
        BodyWords body = BodyWords.of(text, end);
        StringBuilder out = new StringBuilder(text);
        Matcher m = WORD.matcher(headline);
        boolean first = true;
        String previous = "";
        boolean beforeFolded = false;
        boolean previousFolded = false;
        while (m.find()) {
            String w = m.group();
            String folded = foldWord(w, first, c, body);
            // "could Send", "will not Host", "Planning to Open": a verb, not a name ("Troops to Poland": to is a
            // preposition after a word that may be a name, so the next word stays)
            if (!first && verbOpeners.contains(previous) && (!previous.equals("to") || beforeFolded)
                    && !folded.equals(w.toLowerCase(Locale.ROOT)) && !known(w, body)) {
                folded = w.toLowerCase(Locale.ROOT);
            }
            beforeFolded = previousFolded;
            previousFolded = folded.equals(w.toLowerCase(Locale.ROOT)) && Character.isLowerCase(folded.charAt(0));
            previous = folded;
            first = false;
            if (folded.length() == w.length()) {
                out.replace(start + m.start(), start + m.end(), folded);
            }
        }
        return out.toString();
    }

    /** A known name: a place, a title word, or a word the body capitalises and never writes in lower case. */
    private boolean known(String w, BodyWords body) {
        String lower = w.toLowerCase(Locale.ROOT);
        String capital = Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
        return tables.places.containsKey(capital) || tables.places.containsKey(w) || tables.titleWords.contains(lower)
                || body.capitalised.containsKey(lower) && !body.lower.contains(lower);
    }

    private String foldWord(String w, boolean first, Case c, BodyWords body) {
        String lower = w.toLowerCase(Locale.ROOT);
        String capital = lower.isEmpty() ? lower : Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
        if (first) {
            return c == Case.UPPER ? body.capitalised.getOrDefault(lower, capital) : w;
        }
        if (tables.places.containsKey(capital) || tables.places.containsKey(w) || tables.titleWords.contains(lower)) {
            return c == Case.UPPER ? (tables.places.containsKey(w) ? w : capital) : w;
        }
        if (body.capitalised.containsKey(lower) && !body.lower.contains(lower)) {
            return c == Case.UPPER ? body.capitalised.get(lower) : w;
        }
        if (ordinary(lower) || body.lower.contains(lower)) {
            return lower;
        }
        return c == Case.UPPER ? capital : w;
    }

    /** A function word or a word of the lexicons, as written or with a regular ending taken off. */
    boolean ordinary(String lower) {
        Set<String> known = tables.headlineWords;
        if (tables.functionWords.contains(lower) || known.contains(lower) || tables.verbs.words().contains(lower)) {
            return true;
        }
        for (String stem : stems(lower)) {
            if (known.contains(stem) || tables.verbs.words().contains(stem)) {
                return true;
            }
        }
        return false;
    }

    /** "planning" gives plann, plan, plane; "invited" invit, invite; "says" say. */
    static List<String> stems(String w) {
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        for (String end : List.of("ing", "ed", "es", "s", "ly")) {
            if (w.length() > end.length() + 2 && w.endsWith(end)) {
                String s = w.substring(0, w.length() - end.length());
                out.add(s);
                out.add(s + "e");
                if (s.length() > 2 && s.charAt(s.length() - 1) == s.charAt(s.length() - 2)) {
                    out.add(s.substring(0, s.length() - 1));
                }
                if (end.equals("es") || end.equals("ed")) {
                    if (s.endsWith("i")) {
                        out.add(s.substring(0, s.length() - 1) + "y");
                    }
                }
            }
        }
        return out;
    }
}
