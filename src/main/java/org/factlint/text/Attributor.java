package org.factlint.text;

import static org.factlint.text.NounPhrases.nounPhraseLeft;
import static org.factlint.text.NounPhrases.nounPhraseRight;
import static org.factlint.text.NounPhrases.possessor;
import static org.factlint.text.NounPhrases.subjectAtStart;
import static org.factlint.text.NounPhrases.anonymous;
import static org.factlint.text.NounPhrases.nounish;
import static org.factlint.text.NounPhrases.PRONOUNS;
import static org.factlint.text.NounPhrases.SKIP_TAGS;
import static org.factlint.text.NounPhrases.SUBJECT_PRONOUNS;
import static org.factlint.text.Quotes.quoteMark;
import static org.factlint.text.Quotes.quoted;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The attribution stage. Needs: sentences with tokens, tags and lemmas ({@link Nlp}). Adds: for each sentence, its
 * attributions: the reporting cue, the source phrase wherever it stands (before the cue, after it in "said X", in
 * an apposition "X, the spokesman, said", after "according to", before a headline colon), whether that source is
 * anonymous, and whether the cue is neutral, factive or denying. Its knowledge is the table {@code reporting.csv}:
 * verbs by lemma with every inflection, nouns, fixed phrases and adverbs. Stateless and thread-safe.
 */
final class Attributor {
    enum Kind { VERB, NOUN, PHRASE, ADVERB }

    /** One row of {@code reporting.csv}. */
    record Entry(String lemma, Kind kind, String type, boolean object, boolean speech) {
    }

    /**
     * One attribution in token indices of its sentence: source tokens {@code [sourceFrom, sourceTo)} (both -1 when
     * unnamed) and cue tokens {@code [cueFrom, cueTo)}.
     */
    record Found(int sourceFrom, int sourceTo, int cueFrom, int cueTo, boolean anonymous, Entry entry) {
        boolean named() {
            return sourceFrom >= 0;
        }
    }

    private static final Set<String> BE = Set.of("is", "are", "was", "were", "be", "been", "being", "'s", "'re", "am");
    /** Verbs whose passive attributes without naming anyone: "is expected to", "was said to be". */
    private static final Set<String> PASSIVE_UNNAMED = Set.of("say", "report", "expect", "believe", "allege", "ask",
            "rumor", "think");
    private static final Set<String> BOUNDARY = Set.of(";", ":", "\"", "that", "but", "and");
    private static final Set<String> TIME_WORDS = Set.of("monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday", "sunday", "today", "yesterday", "tonight", "week", "month", "year", "morning", "afternoon",
            "evening", "night", "last", "earlier", "later", "recently", "previously", "once", "weekend");

    /** A time word between a subject and its verb: "Cruz last week endorsed", "Sanders on Tuesday said". */
    private static boolean time(List<Nlp.Token> t, int j) {
        String w = t.get(j).text().toLowerCase(Locale.ROOT);
        if (TIME_WORDS.contains(w)) {
            return true;
        }
        return (w.equals("on") || w.equals("this")) && j + 1 < t.size()
                && TIME_WORDS.contains(t.get(j + 1).text().toLowerCase(Locale.ROOT));
    }

    /** Auxiliaries, whatever the tagger says ("has/VERB repeatedly told"). */
    private static final Set<String> AUXILIARIES = Set.of("has", "have", "had", "is", "are", "was", "were", "did",
            "does", "do", "will", "would", "could", "may", "might", "can", "should", "must", "'s", "'ve", "'d", "'ll");
    private static final Set<String> FIRST_SECOND_PERSON = Set.of("i", "you");
    private static final Set<String> REFLEXIVES = Set.of("itself", "himself", "herself", "themselves");

    private final Map<String, Entry> verbForms = new HashMap<>();
    private final Map<String, Entry> nounForms = new HashMap<>();
    private final Map<String, Entry> adverbs = new HashMap<>();
    /** Phrases as lower-case word lists, longest first. */
    private final List<Map.Entry<List<String>, Entry>> phrases = new ArrayList<>();
    private final int size;

    /** Phrases that label what follows a colon and name no speaker ("Contributing:", "The Latest:"), lower case. */
    private final Set<String> colonLabels;
    /** Participles that give a name rather than report words: "called", "known", "dubbed" ({@code words.csv}). */
    private final Set<String> namingParticiples;
    /**
     * Stance verbs whose subject is what the view is about, not who holds it ({@code words.csv}, raising-verb): "the
     * plan seems to fail", "voters appear divided" attribute the view to no one the sentence names.
     */
    private final Set<String> raising;
    /** The stance read from a clause's shape: people, a verb, a clausal complement ({@link ClauseStance}). */
    private final ClauseStance clauses;

    Attributor(List<String[]> rows) {
        this(rows, Set.of());
    }

    Attributor(List<String[]> rows, Set<String> colonLabels) {
        this(rows, colonLabels, Set.of());
    }

    Attributor(List<String[]> rows, Set<String> colonLabels, Set<String> namingParticiples) {
        this(rows, colonLabels, namingParticiples, Set.of(), new ClauseStance(Set.of(), Set.of(), Set.of()));
    }

    Attributor(List<String[]> rows, Set<String> colonLabels, Set<String> namingParticiples, Set<String> raising,
               ClauseStance clauses) {
        this.clauses = clauses;
        this.raising = Set.copyOf(raising);
        this.colonLabels = Set.copyOf(colonLabels);
        this.namingParticiples = Set.copyOf(namingParticiples);
        for (String[] r : rows) {
            String lemma = r[0].toLowerCase(Locale.ROOT);
            Kind kind;
            try {
                kind = Kind.valueOf(r[1].toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("reporting.csv: '" + lemma + "': unknown kind '" + r[1]
                        + "' (expected verb, noun, phrase or adverb)");
            }
            if (!Set.of("neutral", "factive", "denying").contains(r[2])) {
                throw new IllegalStateException("reporting.csv: '" + lemma + "': unknown type '" + r[2]
                        + "' (expected neutral, factive or denying)");
            }
            if (!r[4].isEmpty() && !r[4].equals("object")) {
                throw new IllegalStateException("reporting.csv: '" + lemma + "': the object column is 'object' or"
                        + " blank, not '" + r[4] + "'");
            }
            if (!r[5].equals("speech") && !r[5].equals("stance")) {
                throw new IllegalStateException("reporting.csv: '" + lemma + "': class '" + r[5]
                        + "' is not speech or stance");
            }
            Entry e = new Entry(lemma, kind, r[2], r[4].equals("object"), r[5].equals("speech"));
            List<String> forms = new ArrayList<>(List.of(lemma));
            if (!r[3].isBlank()) {
                forms.addAll(List.of(r[3].toLowerCase(Locale.ROOT).split("\\s+")));
            }
            switch (kind) {
                case VERB -> {
                    forms.addAll(inflections(lemma));
                    forms.forEach(f -> verbForms.putIfAbsent(f, e));
                }
                case NOUN -> forms.forEach(f -> nounForms.putIfAbsent(f, e));
                case ADVERB -> adverbs.put(lemma, e);
                case PHRASE -> phrases.add(Map.entry(List.of(lemma.split(" ")), e));
            }
        }
        phrases.sort((a, b) -> b.getKey().size() - a.getKey().size());
        this.size = rows.size();
    }

    /** The clause reading of stance this stage uses besides its table. */
    ClauseStance clauses() {
        return clauses;
    }

    /** How many rows the table has. */
    int size() {
        return size;
    }

    /** Regular inflections: says / said / saying; tries / tried; notes / noted / noting. */
    static List<String> inflections(String lemma) {
        List<String> out = new ArrayList<>();
        if (lemma.endsWith("e")) {
            out.add(lemma + "s");
            out.add(lemma + "d");
            out.add(lemma.substring(0, lemma.length() - 1) + "ing");
        } else if (lemma.endsWith("y") && !lemma.matches(".*[aeiou]y")) {
            String stem = lemma.substring(0, lemma.length() - 1);
            out.add(stem + "ies");
            out.add(stem + "ied");
            out.add(lemma + "ing");
        } else if (lemma.matches(".*(s|sh|ch|x|z)")) {
            out.add(lemma + "es");
            out.add(lemma + "ed");
            out.add(lemma + "ing");
        } else {
            out.add(lemma + "s");
            out.add(lemma + "ed");
            out.add(lemma + "ing");
        }
        return out;
    }

    /**
     * The attributions of one sentence.
     *
     * @param text     the normalised article text the tokens point into
     * @param headline true for the headline, where Title Case defeats the tagger: cues are read by their form only
     */
    List<Found> find(String text, Nlp.Sentence sentence, boolean headline) {
        List<Nlp.Token> t = sentence.tokens();
        int n = t.size();
        boolean[] quoted = quoted(text, t);
        boolean[] used = new boolean[n];
        List<Found> out = new ArrayList<>();
        String[] lower = new String[n];
        for (int i = 0; i < n; i++) {
            lower[i] = t.get(i).text().toLowerCase(Locale.ROOT);
        }
        // fixed phrases first: "according to X", "pointed out"
        for (int i = 0; i < n; i++) {
            if (quoted[i] || used[i]) {
                continue;
            }
            for (Map.Entry<List<String>, Entry> p : phrases) {
                List<String> words = p.getKey();
                if (i + words.size() > n || !matches(lower, i, words)) {
                    continue;
                }
                int end = i + words.size();
                for (int k = i; k < end; k++) {
                    used[k] = true;
                }
                if (words.get(0).equals("it")) {
                    out.add(new Found(-1, -1, i, end, false, p.getValue())); // "it is understood that": no source
                } else if (words.get(0).equals("according") || words.get(0).equals("as")) {
                    int[] np = nounPhraseRight(t, end);
                    out.add(found(text, sentence, np, i, end, p.getValue()));
                } else {
                    out.add(forVerb(text, sentence, t, quoted, i, end, p.getValue(), out));
                }
                break;
            }
        }
        for (int i = 0; i < n; i++) {
            if (quoted[i] || used[i]) {
                continue;
            }
            Nlp.Token tok = t.get(i);
            Entry verb = verbForms.get(lower[i]);
            Entry noun = nounForms.get(lower[i]);
            Entry adverb = adverbs.get(lower[i]);
            boolean afterName = i > 0 && nounish(t.get(i - 1)) && !t.get(i - 1).tag().equals("NOUN")
                    && !t.get(i - 1).tag().equals("NUM") && Character.isUpperCase(t.get(i - 1).text().charAt(0))
                    && !(i > 1 && t.get(i - 2).tag().equals("DET"));
            boolean verbal = tok.tag().equals("VERB") || headline && !tok.tag().equals("DET")
                    || afterName && tok.tag().equals("NOUN") && verb != null && verbAfterName(text, t, lower, i);
            if (afterName && verbal) {
                noun = null; // "the Associated Press reports that": a verb after a name
            }
            if (verb != null && verbal && !(noun != null && tok.tag().equals("NOUN"))) {
                if (followedByNoun(t, i) && lower[i].endsWith("ed") && precededByDeterminer(t, i)) {
                    continue; // "the reported figure", "a confirmed case": an adjective
                }
                if (naming(t, lower, i)) {
                    continue; // "a company called Acme", "a system known as …": a name given, not words reported
                }
                Found f = forVerb(text, sentence, t, quoted, i, i + 1, verb, out);
                if (f == null && verb.speech() && tok.tag().equals("VERB") && !passiveBefore(t, i)) {
                    // a reporting verb whose source this stage cannot delimit ("X, a senator who …, said") is
                    // still a cue: the attribution stands with no named source
                    f = new Found(-1, -1, i, i + 1, false, verb);
                }
                if (f != null && f.named() && raising.contains(verb.lemma())) {
                    f = new Found(-1, -1, f.cueFrom(), f.cueTo(), false, verb);
                }
                if (f != null) {
                    out.add(f);
                    used[i] = true;
                }
            } else if (noun != null && (tok.tag().equals("NOUN") || headline) && i + 1 < n
                    && lower[i + 1].equals("that")) {
                // "Trump's claim that …", "the report that …"
                int[] np = possessor(t, i);
                out.add(found(text, sentence, np, i, i + 1, noun));
                used[i] = true;
            } else if (adverb != null) {
                out.add(new Found(-1, -1, i, i + 1, false, adverb));
                used[i] = true;
            } else if (verb == null && !headline) {
                // "activists were hopeful that", "voters remain confident they": any verb after people, before a clause
                int[] c = clauses.find(t, quoted, i);
                if (c != null && !used[c[2]]) {
                    out.add(found(text, sentence, new int[] {c[0], c[1]}, c[2], c[3], ClauseStance.entry(tok)));
                    for (int k = c[2]; k < c[3]; k++) {
                        used[k] = true;
                    }
                }
            }
        }
        // "Sanders: Brexit's message could draw Trump support": the colon attributes the rest, whatever cues it holds
        Found colon = headlineColon(text, sentence, t, headline ? 6 : 4);
        if (colon != null && out.stream().noneMatch(f -> f != null && f.cueFrom() < colon.cueFrom())) {
            out.add(0, colon);
        }
        if (out.isEmpty()) {
            Found dash = trailingReport(t, lower);
            if (dash != null) {
                out.add(dash);
            }
        }
        return withoutNestedStance(t, out.stream().filter(java.util.Objects::nonNull).toList());
    }

    /**
     * A stance cue inside what a speech cue of the same sentence reports is part of that content, not an
     * attribution of its own ("The actress said she … wanted a candidate who …", "officials say that, even if they
     * thought it was appropriate, …"); nor is a first- or second-person stance ("I think", "you know"), which is how
     * a speaker talks, not a view the article attributes. A speech cue inside another's content is kept: "X reported
     * that Y said" is a nested attribution.
     */
    private static List<Found> withoutNestedStance(List<Nlp.Token> t, List<Found> found) {
        int firstSpeech = Integer.MAX_VALUE;
        for (Found f : found) {
            if (f.entry().speech() && !f.entry().lemma().equals(":")) {
                firstSpeech = Math.min(firstSpeech, f.cueFrom());
            }
        }
        List<Found> out = new ArrayList<>(found.size());
        for (Found f : found) {
            if (!f.entry().speech()) {
                if (f.cueFrom() > firstSpeech) {
                    continue;
                }
                if (f.named() && f.sourceTo() - f.sourceFrom() == 1
                        && FIRST_SECOND_PERSON.contains(t.get(f.sourceFrom()).text().toLowerCase(Locale.ROOT))) {
                    continue;
                }
            }
            out.add(f);
        }
        return out;
    }

    /**
     * A word the tagger calls a noun, right after a name, read as the verb it can also be ("the Associated Press
     * reports that", "'…,' Viguerie notes."): only in lower case, and only before "that", a colon, or the end of
     * the clause after a quotation. Before anything else it is the name's noun ("Islamic State", "Clinton emails",
     * "Ohio state Sen.", "Sanders' attack was").
     */
    private static boolean verbAfterName(String text, List<Nlp.Token> t, String[] lower, int i) {
        String w = t.get(i).text();
        if (!w.equals(lower[i])) {
            return false;
        }
        if (i + 1 >= t.size()) {
            return false;
        }
        String next = lower[i + 1];
        if (next.equals("that") || next.equals(":")) {
            return true;
        }
        if (next.equals(".") || next.equals(",") || next.equals("!") || next.equals("?")) {
            for (int k = 0; k < i; k++) {
                if (quoteMark(t, k)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean matches(String[] lower, int i, List<String> words) {
        for (int k = 0; k < words.size(); k++) {
            if (!lower[i + k].equals(words.get(k))) {
                return false;
            }
        }
        return true;
    }

    /** "was reported", "is written": a passive, which attributes only with an agent or in a few verbs. */
    private static boolean passiveBefore(List<Nlp.Token> t, int i) {
        int j = i - 1;
        while (j >= 0 && t.get(j).tag().equals("ADV")) {
            j--;
        }
        return j >= 0 && BE.contains(t.get(j).text().toLowerCase(Locale.ROOT));
    }

    private static boolean followedByNoun(List<Nlp.Token> t, int i) {
        return i + 1 < t.size() && t.get(i + 1).noun();
    }

    /**
     * A participle that names what the noun before it is called ({@code words.csv}, naming-participle): "a company
     * called Acme", "a group known as the Freedom Caucus", "a program dubbed 'Obamacare'". Right after a common noun,
     * with no auxiliary, before "as", a capitalised word or a quotation mark.
     */
    private boolean naming(List<Nlp.Token> t, String[] lower, int i) {
        if (i == 0 || i + 1 >= t.size() || !namingParticiples.contains(lower[i])
                || !t.get(i - 1).tag().equals("NOUN") || !Character.isLowerCase(t.get(i - 1).text().charAt(0))) {
            return false;
        }
        String next = t.get(i + 1).text();
        return lower[i + 1].equals("as") || quoteMark(t, i + 1) || next.startsWith("'")
                || Character.isUpperCase(next.charAt(0));
    }

    private static boolean precededByDeterminer(List<Nlp.Token> t, int i) {
        return i > 0 && t.get(i - 1).tag().equals("DET");
    }

    /** The source of a verb cue at {@code [from, to)}: before it, in an apposition, or after it. */
    private Found forVerb(String text, Nlp.Sentence s, List<Nlp.Token> t, boolean[] quoted, int from, int to,
                          Entry e, List<Found> before) {
        // left: skip "also", "has", "did not", then a noun phrase
        int j = from - 1;
        boolean passive = false;
        while (j >= 0 && !quoted[j] && (SKIP_TAGS.contains(t.get(j).tag()) || REFLEXIVES.contains(t.get(j).text())
                || AUXILIARIES.contains(t.get(j).text().toLowerCase(Locale.ROOT)) || time(t, j))) {
            passive |= t.get(j).tag().equals("AUX") && BE.contains(t.get(j).text().toLowerCase(Locale.ROOT))
                    && j == from - 1;
            j--;
        }
        String form = t.get(from).text().toLowerCase(Locale.ROOT);
        if (passive && to - from == 1) {
            // "was echoed by O'Malley": the agent; without one, only a few verbs attribute ("is expected to")
            for (int k = to; k < Math.min(t.size(), to + 3); k++) {
                if (t.get(k).text().equalsIgnoreCase("by")) {
                    int[] agent = nounPhraseRight(t, k + 1);
                    return agent == null ? null : found(text, s, agent, from, to, e);
                }
            }
            return PASSIVE_UNNAMED.contains(e.lemma()) ? new Found(-1, -1, from, to, false, e) : null;
        }
        boolean infinitive = from - 1 >= 0 && t.get(from - 1).text().equalsIgnoreCase("to");
        boolean participle = form.endsWith("ing") && !(from - 1 >= 0 && t.get(from - 1).tag().equals("AUX"));
        if (participle && !e.speech() && j >= 0 && j == from - 1 && t.get(j).tag().equals("NOUN") && !quoted[j]) {
            // "a super PAC backing Trump", "voters supporting Clinton": a stance participle right after a noun
            // qualifies that noun, whose view it is (a speech participle after an object is the subject's:
            // "emailed supporters saying")
            int[] np = nounPhraseLeft(t, j);
            if (np != null) {
                return found(text, s, np, from, to, e);
            }
        }
        if (infinitive || participle && !(j >= 0 && t.get(j).text().equals(","))) {
            // "arranging calls to discuss", "emailed supporters saying": the subject of the clause
            if (infinitive || j >= 0 && !t.get(j).tag().equals("PRON")) {
                for (int k = before.size() - 1; k >= 0; k--) {
                    Found b = before.get(k);
                    if (b != null && b.named() && b.cueFrom() < from) {
                        return new Found(b.sourceFrom(), b.sourceTo(), from, to, b.anonymous(), e);
                    }
                }
                int[] subject = subjectAtStart(t, quoted);
                return subject == null || subject[1] > from ? null : found(text, s, subject, from, to, e);
            }
        }
        if (j >= 0 && t.get(j).tag().equals("CCONJ") && !quoted[j]) {
            // "Fields tweeted a photograph and said": the subject of the first verb
            for (int k = before.size() - 1; k >= 0; k--) {
                Found b = before.get(k);
                if (b != null && b.named() && b.cueFrom() < from) {
                    return new Found(b.sourceFrom(), b.sourceTo(), from, to, b.anonymous(), e);
                }
            }
            int[] subject = subjectAtStart(t, quoted);
            return subject == null ? null : found(text, s, subject, from, to, e);
        }
        int[] left = j >= 0 && !quoted[j] ? nounPhraseLeft(t, j) : null;
        if (left != null) {
            int[] np = left;
            String first = t.get(np[0]).text().toLowerCase(Locale.ROOT);
            if (np[1] - np[0] == 1 && (first.equals("that") || first.equals("which") || first.equals("who"))) {
                // "a report that said", "Smith, who said": the relative pronoun stands for the source
                return found(text, s, np, from, to, e);
            } else if (PRONOUNS.contains(first) && np[1] - np[0] == 1 && !SUBJECT_PRONOUNS.contains(first)) {
                return null; // "told him", "this says": not a speaker
            }
            // an apposition before: "Jane Doe, the campaign's spokeswoman, said" is caught from the comma below
            return found(text, s, np, from, to, e);
        }
        if (j >= 0 && t.get(j).text().equals(",") && j - 1 >= 0 && !quoted[j - 1]) {
            // "X, the spokesman, said" / "…, saying" / "…," said X
            int[] appositive = nounPhraseLeft(t, j - 1);
            if (appositive != null && appositive[0] - 1 >= 0 && t.get(appositive[0] - 1).text().equals(",")) {
                int[] name = appositive[0] - 2 >= 0 ? nounPhraseLeft(t, appositive[0] - 2) : null;
                if (name != null && nounish(t.get(name[1] - 1)) && !t.get(name[1] - 1).tag().equals("NOUN")) {
                    return found(text, s, new int[] {name[0], appositive[1]}, from, to, e);
                }
            }
            String w = t.get(from).text().toLowerCase(Locale.ROOT);
            if (w.endsWith("ing")) {
                // "…, saying": the subject of the sentence (or of the attribution before)
                if (!before.isEmpty() && before.get(before.size() - 1) != null
                        && before.get(before.size() - 1).named()) {
                    Found b = before.get(before.size() - 1);
                    return new Found(b.sourceFrom(), b.sourceTo(), from, to, b.anonymous(), e);
                }
                int[] subject = subjectAtStart(t, quoted);
                return subject == null ? null : found(text, s, subject, from, to, e);
            }
        }
        // "Sanders, who on Tuesday endorsed Clinton, said": the relative clause's antecedent
        if (j >= 0 && t.get(j).text().equals(",")) {
            for (int k = j - 1; k > 0; k--) {
                String w = t.get(k).text().toLowerCase(Locale.ROOT);
                if (quoted[k] || BOUNDARY.contains(w)) {
                    break;
                }
                boolean clause = w.endsWith("ing") && t.get(k).verb(); // ", speaking on condition of anonymity,"
                if ((w.equals("who") || w.equals("which") || clause) && t.get(k - 1).text().equals(",")
                        && k - 2 >= 0) {
                    int[] np = nounPhraseLeft(t, k - 2);
                    if (np != null) {
                        return found(text, s, np, from, to, e);
                    }
                    break;
                }
            }
        }
        // right: '"…," said Smith', "…, says the report"
        boolean afterQuoteOrComma = j < 0 || quoted[j] || t.get(j).text().equals(",") || t.get(j).text().equals("-")
                || t.get(j).text().equals(":");
        if (afterQuoteOrComma && !e.object()) {
            int[] right = nounPhraseRight(t, to);
            if (right != null) {
                String first = t.get(right[0]).text().toLowerCase(Locale.ROOT);
                if (PRONOUNS.contains(first) && !SUBJECT_PRONOUNS.contains(first)) {
                    return null;
                }
                if (right[1] < t.size() && (t.get(right[1]).tag().equals("AUX") || t.get(right[1]).verb())) {
                    return null; // "…, said the bill would pass": the subject of what was said, not the speaker
                }
                // "said Jane Doe, the spokeswoman"
                if (right[1] + 1 < t.size() && t.get(right[1]).text().equals(",")) {
                    int[] app = nounPhraseRight(t, right[1] + 1);
                    if (app != null && t.get(app[0]).tag().equals("DET")) {
                        right = new int[] {right[0], app[1]};
                    }
                }
                return found(text, s, right, from, to, e);
            }
        }
        return null;
    }

    /**
     * "Kremlin: talks will go ahead", "Poll: voters abandon party": a short name before a colon (up to six words in a
     * headline, four in the body, where transcripts read "TRUMP: …").
     */
    private Found headlineColon(String text, Nlp.Sentence s, List<Nlp.Token> t, int maxWords) {
        for (int i = 1; i < t.size() - 1 && i <= maxWords; i++) {
            if (t.get(i).text().equals(":")) {
                int from = 0;
                while (from < i && t.get(from).tag().equals("PUNCT")) {
                    from++;
                }
                if (from < i && Character.isUpperCase(t.get(from).text().charAt(0)) && speakerColon(s, t, from, i)) {
                    Entry colon = new Entry(":", Kind.PHRASE, "neutral", false, true);
                    if (i - from == 1 && t.get(from).text().equals(t.get(from).text().toUpperCase(Locale.ROOT))) {
                        return new Found(from, i, i, i + 1, false, colon); // a transcript's speaker: "TAPPER:"
                    }
                    int[] np = nounPhraseRight(t, from);
                    if (np == null || np[1] != i) {
                        return null; // "For example:", "The question is:", "At issue:": no speaker, a lead-in
                    }
                    Found f = found(text, s, np, i, i + 1, colon);
                    // "Insiders: …" names people; "Good news: …", "Voter participation: …" are a topic, no source
                    boolean people = clauses.people(t.get(NounPhrases.head(t, np)).text().toLowerCase(Locale.ROOT));
                    return f.anonymous() && !people ? new Found(np[0], np[1], i, i + 1, false, colon) : f;
                }
                return null;
            }
        }
        return null;
    }

    /**
     * Whether the colon at {@code colon} after the words {@code [from, colon)} introduces what they say: not a label
     * ("Contributing: Todd Smith", "The Latest: …", "Editor's note: …", a list of {@code colon-label} in words.csv),
     * and followed by a statement (a verb or a quotation), not by a figure or a list of names ("Clinton: 547.").
     */
    private boolean speakerColon(Nlp.Sentence s, List<Nlp.Token> t, int from, int colon) {
        StringBuilder label = new StringBuilder();
        for (int k = from; k < colon; k++) {
            String w = t.get(k).text().toLowerCase(Locale.ROOT);
            label.append(k == from || w.startsWith("'") ? "" : " ").append(w);
        }
        if (colonLabels.contains(label.toString())) {
            return false;
        }
        for (int k = colon + 1; k < t.size(); k++) {
            Nlp.Token x = t.get(k);
            if (x.verb() || x.tag().equals("AUX") || quoteMark(t, k) || x.text().startsWith("'")) {
                return true;
            }
        }
        return false;
    }

    /** "… - report", "…, media say": a reporting noun after a final dash. */
    private Found trailingReport(List<Nlp.Token> t, String[] lower) {
        int n = t.size();
        int last = n - 1;
        while (last >= 0 && t.get(last).tag().equals("PUNCT") && !t.get(last).text().equals("-")) {
            last--;
        }
        if (last >= 1 && t.get(last - 1).text().equals("-") && nounForms.containsKey(lower[last])) {
            return new Found(-1, -1, last, last + 1, false, nounForms.get(lower[last]));
        }
        return null;
    }

    private static Found found(String text, Nlp.Sentence s, int[] np, int cueFrom, int cueTo, Entry e) {
        if (np == null) {
            return new Found(-1, -1, cueFrom, cueTo, false, e);
        }
        return new Found(np[0], np[1], cueFrom, cueTo, anonymous(text, s, np), e);
    }
}
