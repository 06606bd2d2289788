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
            if (postModifier(t, end) == 0) {
                return SUBJECT_PRONOUNS.contains(w) || PRONOUNS.contains(w) ? new int[] {end, end + 1} : null;
            }
            // "a source close to him", "people familiar with it": the pronoun ends a longer phrase
        } else if (!(nounish(last))) {
            return null;
        }
        int i = end;
        while (i - 1 >= 0) {
            Nlp.Token p = t.get(i - 1);
            String pw = p.text().toLowerCase(Locale.ROOT);
            int post = postModifier(t, i);
            if (i < end && (NP_TAGS.contains(p.tag()) || nounish(p) || pw.equals("'s") || pw.equals("'")
                    || pw.equals("-") || p.tag().equals("PRON") && (pw.equals("his") || pw.equals("her")
                    || pw.equals("their") || pw.equals("its") || pw.equals("our")))
                    || i == end && !last.tag().equals("PRON") && (NP_TAGS.contains(p.tag()) || nounish(p)
                    || pw.equals("'s") || pw.equals("'") || pw.equals("-") || p.tag().equals("PRON")
                    && POSSESSIVES.contains(pw))) {
                i--;
            } else if (post > 0) {
                // "a spokesman for the campaign", "people familiar with the matter", "a source close to him",
                // "two people briefed on the talks", "officials in Washington"
                i -= post;
            } else {
                break;
            }
        }
        while (i < end && (t.get(i).tag().equals("ADP") || t.get(i).text().equals("-") || t.get(i).text().equals("'"))) {
            i++;
        }
        return i > end ? null : new int[] {i, end + 1};
    }

    private static final Set<String> POST_PREPOSITIONS = Set.of("of", "for", "at", "with", "in", "on", "to",
            "from", "inside", "within");

    /**
     * How many tokens before {@code i} attach the phrase starting at {@code i} to a noun before them: 2 for a
     * preposition after a noun ("officials in Washington", "a spokesman for …") or after "close" or "familiar"
     * ("close to him", "familiar with the matter"), 3 for a participle and its preposition after a noun ("people
     * briefed on the talks", "officials involved in …"); 0 when there is no such attachment.
     */
    static int postModifier(List<Nlp.Token> t, int i) {
        if (i - 2 < 0) {
            return 0;
        }
        String prep = t.get(i - 1).text().toLowerCase(Locale.ROOT);
        if (!POST_PREPOSITIONS.contains(prep)) {
            return 0;
        }
        Nlp.Token before = t.get(i - 2);
        String bw = before.text().toLowerCase(Locale.ROOT);
        if (bw.equals("close") || bw.equals("familiar") || bw.equals("closest")) {
            return prep.equals("to") || prep.equals("with") ? 2 : 0;
        }
        if (prep.equals("to")) {
            return 0;
        }
        if (before.noun() && !before.tag().equals("PROPN") || before.noun() && !prep.equals("in") && !prep.equals("on")) {
            return 2;
        }
        if (i - 3 >= 0 && bw.endsWith("ed") && before.verb() && t.get(i - 3).noun()) {
            return 3;
        }
        return 0;
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
     * A source names nobody ("officials", "a source close to the campaign", "people familiar with the talks", "a
     * White House official", "Trump aides"): its head (its last word before "of", "for", "close to", …) is a common
     * noun for people, in lower case (or a sentence-initial word the article also writes in lower case); not a
     * pronoun, quantifier, number or letter; not a document, medium or figure ({@code words.csv}, not-people:
     * "records show", "a poll found"); and not a definite singular ("the mayor", "Clinton's campaign manager":
     * someone the reader can identify). Capitalised words before the head only say whose people they are; a comma
     * before it (an apposition, "Jane Doe, a spokeswoman") names someone.
     */
    static boolean anonymous(String text, Nlp.Sentence s, int[] np) {
        List<Nlp.Token> t = s.tokens();
        if (np[1] - np[0] == 1 && t.get(np[0]).tag().equals("PRON")) {
            return false;
        }
        String det = t.get(np[0]).text().toLowerCase(Locale.ROOT);
        int head = head(t, np);
        Nlp.Token h = t.get(head);
        String lh = h.text().toLowerCase(Locale.ROOT);
        if (np[1] - np[0] == 1 && QUANTIFIERS.contains(det) || h.tag().equals("NUM") || h.tag().equals("PRON")
                || h.text().chars().anyMatch(Character::isDigit) || h.text().length() < 2
                || Tables.DEFAULT.words("not-people").contains(lh)) {
            return false; // "others", "five", "2012", "A", "Q", "records", "a poll": no one who speaks
        }
        if (CAPITALISED.matcher(h.text().substring(0, 1)).matches()) {
            // "Aides said", "Critics say": a noun for people opening the sentence ({@code words.csv}, person-noun)
            boolean commonOpening = head == np[0] && head == firstWord(t) && !capitalisedInside(text, h.text())
                    && (h.tag().equals("NOUN") || TextIndex.of(text).hasWord(lh)
                    || Tables.DEFAULT.words("person-noun").contains(lh));
            if (!commonOpening) {
                return false; // "Sen. Ted Cruz", "Republicans", "TRUMP": a name
            }
        }
        boolean plural = lh.endsWith("s") || Tables.DEFAULT.words("group-noun").contains(lh);
        for (int i = np[0]; i < head; i++) {
            String w = t.get(i).text();
            if (w.equals(",") || w.equals("(")) {
                return false; // "Jane Doe, a spokeswoman": the apposition names her
            }
            boolean definite = i == np[0] && DEFINITE.contains(w.toLowerCase(Locale.ROOT));
            boolean possessive = w.equals("'s") || w.equals("'");
            if ((definite || possessive) && !plural) {
                return false; // "the mayor", "his spokesman", "Clinton's campaign manager": one the reader can identify
            }
        }
        return true;
    }

    /** The head of a noun phrase: its last word before "of", "for", "close to", "familiar with", "at", "with". */
    static int head(List<Nlp.Token> t, int[] np) {
        for (int i = np[0] + 1; i < np[1]; i++) {
            String w = t.get(i).text().toLowerCase(Locale.ROOT);
            if (w.equals("(")) {
                return i - 1; // "Sen. Bernie Sanders (I-Vt.)": a party and state label after the name
            }
            if (w.equals("of") || w.equals("for") || w.equals("close") || w.equals("familiar") || w.equals("at")
                    || w.equals("with") || POST_PREPOSITIONS.contains(w) && !w.equals("to")
                    || w.endsWith("ed") && t.get(i).verb()) {
                return i - 1; // "officials in Washington", "people briefed on the talks"
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
