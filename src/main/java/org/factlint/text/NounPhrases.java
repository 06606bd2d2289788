package org.factlint.text;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The noun phrases of attribution ({@link Attributor}): the phrase before or after a reporting word ("a spokesman
 * for the campaign said", "said people familiar with the talks"), the owner of a reporting noun ("Trump's claim"),
 * the subject of a participle cue, and whether a source names nobody ("officials", "a source close to him"). Static
 * and stateless: token lists in, token ranges {@code [from, to)} out.
 */
final class NounPhrases {
    private NounPhrases() {
    }

    /** Words between a subject and its verb: "Trump also said", "she has repeatedly said", "he did not say". */
    static final Set<String> SKIP_TAGS = Set.of("AUX", "ADV", "PART");
    static final Set<String> SUBJECT_PRONOUNS = Set.of("he", "she", "they", "we", "i", "you", "it", "who");
    static final Set<String> PRONOUNS = Set.of("he", "she", "they", "we", "i", "you", "it", "who", "him",
            "her", "them", "us", "me", "which", "that", "this", "these", "those", "one", "someone", "anyone",
            "everyone", "nobody");
    static final Set<String> NP_TAGS = Set.of("PROPN", "NOUN", "ADJ", "DET", "NUM");
    static final Set<String> DETERMINERS = Set.of("the", "a", "an", "some", "several", "other", "another",
            "many", "most", "few", "two", "three", "his", "her", "their", "its", "our", "no");
    /** Words that stand alone for a group but name no source the reader could look for: "others said". */
    static final Set<String> QUANTIFIERS = Set.of("some", "many", "others", "both", "all", "most", "one");
    static final Set<String> POSSESSIVES = Set.of("his", "her", "their", "its", "our", "my", "your");
    static final Set<String> DEFINITE = Set.of("the", "his", "her", "its", "their", "this", "that", "our");
    static final Set<String> CLOSED_TAGS = Set.of("DET", "PRON", "ADP", "CCONJ", "SCONJ", "AUX", "PART",
            "PUNCT", "SYM", "INTJ");

    private static final Pattern CAPITALISED = Pattern.compile("\\p{Lu}");

    /**
     * A noun, a number, or a capitalised word the tagger took for something else ("Trump/ADJ said",
     * "Ebeling/VERB said"): names are often unknown to the model.
     */
    static boolean nounish(Nlp.Token x) {
        return x.noun() || x.tag().equals("NUM") || !CLOSED_TAGS.contains(x.tag()) && !x.text().isEmpty()
                && Character.isUpperCase(x.text().charAt(0)) && x.text().length() > 1;
    }

    /** The first noun phrase of the sentence, as subject of a participle cue later in it. */
    static int[] subjectAtStart(List<Nlp.Token> t, boolean[] quoted) {
        int i = 0;
        while (i < t.size() && (quoted[i] || t.get(i).tag().equals("PUNCT"))) {
            i++;
        }
        if (i >= t.size()) {
            return null;
        }
        int[] np = nounPhraseRight(t, i);
        if (np == null || np[1] >= t.size()) {
            return null;
        }
        // the phrase must be followed by its verb
        int k = np[1];
        while (k < t.size() && SKIP_TAGS.contains(t.get(k).tag())) {
            k++;
        }
        return k < t.size() && t.get(k).verb() ? np : null;
    }

    /** A noun phrase ending at token {@code end} (inclusive), as {@code [from, to)}; null if there is none. */
    static int[] nounPhraseLeft(List<Nlp.Token> t, int end) {
        Nlp.Token last = t.get(end);
        String w = last.text().toLowerCase(Locale.ROOT);
        if (last.tag().equals("PRON")) {
            return SUBJECT_PRONOUNS.contains(w) || PRONOUNS.contains(w) ? new int[] {end, end + 1} : null;
        }
        if (!(nounish(last))) {
            return null;
        }
        int i = end;
        while (i - 1 >= 0) {
            Nlp.Token p = t.get(i - 1);
            String pw = p.text().toLowerCase(Locale.ROOT);
            if (NP_TAGS.contains(p.tag()) || nounish(p) || pw.equals("'s") || pw.equals("'") || pw.equals("-")
                    || p.tag().equals("PRON") && (pw.equals("his") || pw.equals("her") || pw.equals("their")
                    || pw.equals("its") || pw.equals("our"))) {
                i--;
            } else if ((pw.equals("of") || pw.equals("for") || pw.equals("at") || pw.equals("with")
                    || pw.equals("to") && i - 2 >= 0 && t.get(i - 2).text().equalsIgnoreCase("close"))
                    && i - 2 >= 0 && (t.get(i - 2).noun() || t.get(i - 2).text().equalsIgnoreCase("close")
                    || t.get(i - 2).text().equalsIgnoreCase("familiar"))) {
                // "a spokesman for the campaign", "people familiar with the matter", "a source close to him"
                i -= 2;
            } else {
                break;
            }
        }
        while (i < end && (t.get(i).tag().equals("ADP") || t.get(i).text().equals("-") || t.get(i).text().equals("'"))) {
            i++;
        }
        return i > end ? null : new int[] {i, end + 1};
    }

    /** A noun phrase starting at token {@code start}, as {@code [from, to)}; null if there is none. */
    static int[] nounPhraseRight(List<Nlp.Token> t, int start) {
        int i = start;
        if (i >= t.size()) {
            return null;
        }
        Nlp.Token first = t.get(i);
        if (first.tag().equals("PRON") && !POSSESSIVES.contains(first.text().toLowerCase(Locale.ROOT))) {
            return SUBJECT_PRONOUNS.contains(first.text().toLowerCase(Locale.ROOT)) ? new int[] {i, i + 1} : null;
        }
        int lastNoun = -1;
        while (i < t.size()) {
            Nlp.Token x = t.get(i);
            String w = x.text().toLowerCase(Locale.ROOT);
            if (nounish(x)) {
                lastNoun = i;
                i++;
            } else if (NP_TAGS.contains(x.tag()) || w.equals("'s") || w.equals("his") || w.equals("her")
                    || w.equals("their") || w.equals("its") || w.equals("-")) {
                i++;
            } else if ((w.equals("of") || w.equals("for") || w.equals("at")) && lastNoun >= 0 && i + 1 < t.size()
                    && (NP_TAGS.contains(t.get(i + 1).tag()))) {
                i++;
            } else {
                break;
            }
        }
        return lastNoun < 0 ? null : new int[] {start, lastNoun + 1};
    }

    /** The owner of a noun cue: "Trump's claim", "the campaign's statement"; null when there is none. */
    static int[] possessor(List<Nlp.Token> t, int noun) {
        int i = noun - 1;
        while (i >= 0 && t.get(i).tag().equals("ADJ")) {
            i--;
        }
        if (i >= 1 && t.get(i).text().equals("'s")) {
            return nounPhraseLeft(t, i - 1);
        }
        if (i >= 0 && t.get(i).tag().equals("PRON") && Set.of("his", "her", "their", "its").contains(
                t.get(i).text().toLowerCase(Locale.ROOT))) {
            return new int[] {i, i + 1};
        }
        return null;
    }

    /**
     * A source names nobody when none of its words is capitalised (a determiner first, or a sentence-initial word
     * the article also writes in lower case, aside) and it is not a pronoun: "officials", "a source close to the
     * campaign", "people familiar with the talks".
     */
    static boolean anonymous(String text, Nlp.Sentence s, int[] np) {
        List<Nlp.Token> t = s.tokens();
        if (np[1] - np[0] == 1 && t.get(np[0]).tag().equals("PRON")) {
            return false;
        }
        String det = t.get(np[0]).text().toLowerCase(Locale.ROOT);
        int head = head(t, np);
        Nlp.Token h = t.get(head);
        if (np[1] - np[0] == 1 && (QUANTIFIERS.contains(det) || h.tag().equals("NUM")
                || h.text().chars().anyMatch(Character::isDigit)) || h.text().length() < 2) {
            return false; // "others", "many", "five", "2012", "A", "Q": no one who speaks
        }
        if (DEFINITE.contains(det) && !t.get(head).text().toLowerCase(Locale.ROOT).endsWith("s")) {
            return false; // "the mayor", "his spokesman", "the company": someone the reader can identify
        }
        for (int i = np[0]; i < np[1]; i++) {
            Nlp.Token x = t.get(i);
            if (!CAPITALISED.matcher(x.text().substring(0, 1)).matches()) {
                continue;
            }
            String w = x.text().toLowerCase(Locale.ROOT);
            boolean first = i == np[0];
            if (first && DETERMINERS.contains(w)) {
                continue;
            }
            boolean possessive = i + 1 < t.size() && t.get(i + 1).text().equals("'s");
            if (first && i == firstWord(t) && !possessive && !capitalisedInside(text, x.text())
                    && (x.tag().equals("NOUN") || TextIndex.of(text).hasWord(w))) {
                continue; // "Officials said": a common word that opens the sentence
            }
            return false;
        }
        return true;
    }

    /** The head of a noun phrase: its last word before "of", "for", "close to", "familiar with", "at", "with". */
    static int head(List<Nlp.Token> t, int[] np) {
        for (int i = np[0] + 1; i < np[1]; i++) {
            String w = t.get(i).text().toLowerCase(Locale.ROOT);
            if (w.equals("of") || w.equals("for") || w.equals("close") || w.equals("familiar") || w.equals("at")
                    || w.equals("with")) {
                return i - 1;
            }
        }
        return np[1] - 1;
    }

    /** True when the article writes the word capitalised inside a sentence too ("… with Cruz"): a name. */
    static boolean capitalisedInside(String text, String word) {
        return TextIndex.of(text).inside(word);
    }

    static int firstWord(List<Nlp.Token> t) {
        for (int i = 0; i < t.size(); i++) {
            if (!t.get(i).tag().equals("PUNCT")) {
                return i;
            }
        }
        return 0;
    }
}
