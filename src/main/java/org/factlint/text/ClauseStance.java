package org.factlint.text;

import static org.factlint.text.NounPhrases.nounPhraseLeft;
import static org.factlint.text.NounPhrases.nounPhraseRight;
import static org.factlint.text.Quotes.quoteMark;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A shallow reading of stance from the shape of a clause rather than from a list of verbs: a subject that names
 * people by a common noun ("voters", "officials in both cities", "a senior aide"), then a finite verb, or a form of
 * "be" with an adjective, then a clausal complement ("that …", "whether …", "to" and a verb, a finite clause "they
 * will …", a quotation or a colon). Any verb so used attributes a view to those people, whatever its lemma:
 * "climate activists were hopeful that …", "people briefed on it were adamant that …", "voters remain confident
 * they …", "Democrats are mulling whether to …". The reporting table ({@code reporting.csv}) keeps the verbs that
 * attribute without a clause ("officials said"); this reading adds the long tail of stance phrases no table lists.
 * Its knowledge is word lists of {@code words.csv}: the nouns for people (person-noun, group-noun), the words that
 * open a clausal complement (complementiser), and the light verbs that are no view ("have", "get"). Measured on
 * PolNeAR train (ACCURACY.md, session 9): an object or a preposition after the verb instead of a clause ("voters
 * turned", "officials searched") added three false attributions for each true one, and "to" and a verb ("tend to",
 * "had to") as many, so neither is read. Stateless and thread-safe.
 */
final class ClauseStance {
    private static final Set<String> SUBJECT_PRONOUNS = Set.of("he", "she", "they", "we", "it", "i", "you");
    private static final Set<String> BE = Set.of("is", "are", "was", "were", "be", "been", "being", "'s", "'re",
            "remain", "remains", "remained", "seem", "seems", "seemed", "appear", "appears", "appeared", "grew", "grow",
            "grows", "become", "became", "becomes");

    private final Set<String> people;
    private final Set<String> complementisers;
    private final Set<String> lightVerbs;

    /**
     * @param people          plural nouns for people and singular nouns for groups of people, lower case; a
     *                        singular whose plural is listed ("official", "spokesman") is a person too
     * @param complementisers words that open a clausal complement after a verb or adjective ("that", "whether")
     * @param lightVerbs      lemmas of verbs that are never a view of their own ("have", "get", "make")
     */
    ClauseStance(Set<String> people, Set<String> complementisers, Set<String> lightVerbs) {
        this.lightVerbs = Set.copyOf(lightVerbs);
        this.people = Set.copyOf(people);
        this.complementisers = Set.copyOf(complementisers);
    }

    /** Whether the lower-case word is a common noun for people ("voters", "aide", "spokesman", "police"). */
    boolean people(String lower) {
        return people.contains(lower) || people.contains(lower + "s")
                || lower.endsWith("man") && people.contains(lower.substring(0, lower.length() - 3) + "men")
                || lower.endsWith("person") && people.contains(lower.substring(0, lower.length() - 6) + "people");
    }

    /**
     * The stance attribution whose verb (or adjective after "be") is token {@code i}, or null: the token must be a
     * finite verb or a predicative adjective in lower case, outside any quotation, after a subject whose head is a
     * common noun for people and before a clausal complement.
     *
     * @return {@code [subjectFrom, subjectTo, cueFrom, cueTo]}, or null
     */
    int[] find(List<Nlp.Token> t, boolean[] quoted, int i) {
        Nlp.Token tok = t.get(i);
        String w = tok.text();
        if (quoted[i] || w.isEmpty() || !Character.isLowerCase(w.charAt(0))) {
            return null;
        }
        int cueFrom = i;
        if (tok.tag().equals("ADJ") || tok.verb() && passive(t, i)) {
            // "were hopeful that", "are convinced that", "were adamant/VERB that": "be" and a predicate
            // (an adverb may come between)
            int b = i - 1;
            while (b >= 0 && t.get(b).tag().equals("ADV")) {
                b--;
            }
            if (b < 0 || !BE.contains(t.get(b).text().toLowerCase(Locale.ROOT))) {
                return null;
            }
            cueFrom = b;
        } else if (!tok.verb() || w.endsWith("ing") && !auxiliaryBefore(t, i) || to(t, i - 1)) {
            return null; // a participle or an infinitive is no finite verb of its own clause
        }
        if (lightVerbs.contains(tok.lemma().toLowerCase(Locale.ROOT)) && !tok.tag().equals("ADJ")) {
            return null;
        }
        if (!complement(t, i + 1)) {
            return null;
        }
        int j = cueFrom - 1;
        while (j >= 0 && !quoted[j] && (NounPhrases.SKIP_TAGS.contains(t.get(j).tag()))) {
            j--;
        }
        if (j < 0 || quoted[j]) {
            return null;
        }
        if (j + 1 < cueFrom) {
            cueFrom = j + 1; // "have been", "do not", "will": the auxiliaries belong to the cue
        }
        int[] np = nounPhraseLeft(t, j);
        if (np == null) {
            return null;
        }
        int head = NounPhrases.head(t, np);
        String h = t.get(head).text();
        if (!Character.isLowerCase(h.charAt(0)) && !(head == NounPhrases.firstWord(t))
                || !people(h.toLowerCase(Locale.ROOT))) {
            return null;
        }
        return new int[] {np[0], np[1], cueFrom, i + 1};
    }

    /** The entry of a clause reading's cue: a stance by the verb's lemma, neutral about the content's truth. */
    static Attributor.Entry entry(Nlp.Token verb) {
        return new Attributor.Entry(verb.lemma().toLowerCase(Locale.ROOT), Attributor.Kind.VERB, "neutral", false,
                false);
    }

    /**
     * A clausal complement opens at {@code k}: a complementiser ("that", "whether"; an adverb may come first),
     * "to" and a verb, a quotation mark or colon, or a finite clause (a subject pronoun or a noun phrase, then an
     * auxiliary or a verb that is no participle).
     */
    private boolean complement(List<Nlp.Token> t, int k) {
        int c = k;
        while (c < t.size() && t.get(c).tag().equals("ADV")) {
            c++;
        }
        if (c < t.size() && complementisers.contains(t.get(c).text().toLowerCase(Locale.ROOT))) {
            return true; // "are still hopeful that"
        }
        if (k >= t.size()) {
            return false;
        }
        // no adverb before a bare clause: "the crowd booed when he spoke" is no view of the crowd's
        String w = t.get(k).text().toLowerCase(Locale.ROOT);
        if (w.equals(":") || quoteMark(t, k)) {
            return true;
        }
        if (to(t, k)) {
            return false; // "tend to", "had to", "tried to": an infinitive follows aspect and need as often as a view
        }
        int end;
        if (SUBJECT_PRONOUNS.contains(w)) {
            end = k + 1;
        } else {
            int[] np = nounPhraseRight(t, k);
            if (np == null) {
                return false;
            }
            end = np[1];
        }
        while (end < t.size() && t.get(end).tag().equals("ADV")) {
            end++;
        }
        if (end >= t.size()) {
            return false;
        }
        Nlp.Token v = t.get(end);
        return v.tag().equals("AUX") || v.verb() && !v.text().endsWith("ing");
    }

    private static boolean to(List<Nlp.Token> t, int k) {
        return k >= 0 && k < t.size() && t.get(k).text().equalsIgnoreCase("to");
    }

    private static boolean auxiliaryBefore(List<Nlp.Token> t, int i) {
        int j = i - 1;
        while (j >= 0 && t.get(j).tag().equals("ADV")) {
            j--;
        }
        return j >= 0 && t.get(j).tag().equals("AUX");
    }

    /** "was considered", "were told": a form of "be" before a participle. */
    private static boolean passive(List<Nlp.Token> t, int i) {
        int j = i - 1;
        while (j >= 0 && t.get(j).tag().equals("ADV")) {
            j--;
        }
        return j >= 0 && Set.of("is", "are", "was", "were", "be", "been", "being").contains(
                t.get(j).text().toLowerCase(Locale.ROOT)) && !t.get(i).text().endsWith("ing");
    }
}
