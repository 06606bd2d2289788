package org.factlint.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The clauses of a sentence that each make a claim of their own: a sentence splits after a comma and a conjunction
 * that opens a clause with its own subject and verb ("…, but he would definitely participate in …", "…, and more
 * than 10 thousand people … will take part in …"). A cue scopes over the clause it stands in and over the clauses
 * joined to it by a coordinator ("It is expected that A, and B": both are expected), not over a clause that a
 * contrast opens ("had not decided whether A, but B": B is said outright). The conjunctions are the lists
 * {@code clause-coordinator} and {@code clause-contrast} of {@code words.csv}. Stateless and thread-safe.
 */
final class Clauses {
    /**
     * Tokens {@code [from, to)} of one clause; cues from token {@code scopeFrom} on scope over it (its own start, or
     * the start of the clause before when a coordinator joins them).
     */
    record Clause(int from, int to, int scopeFrom) {
        Clause {
            if (from < 0 || to <= from || scopeFrom < 0 || scopeFrom > from) {
                throw new IllegalArgumentException("bad clause [" + from + ", " + to + ") scope " + scopeFrom);
            }
        }
    }

    /** Tags that cannot open the subject of a clause: "…, but also employees", "…, and not only agencies". */
    private static final Set<String> NOT_SUBJECT_START = Set.of("ADV", "VERB", "AUX", "PART", "PUNCT", "ADP",
            "SCONJ", "CCONJ", "INTJ");

    private final Set<String> coordinators;
    private final Set<String> contrasts;

    Clauses(Set<String> coordinators, Set<String> contrasts) {
        this.coordinators = Set.copyOf(coordinators);
        this.contrasts = Set.copyOf(contrasts);
    }

    /** The clauses of a sentence, in order; one clause spanning it when it does not split. */
    List<Clause> split(List<Nlp.Token> t) {
        List<Clause> out = new ArrayList<>();
        int from = 0;
        int scopeFrom = 0;
        for (int i = 1; i + 2 < t.size(); i++) {
            if (!t.get(i).text().equals(",")) {
                continue;
            }
            String conj = t.get(i + 1).text().toLowerCase(Locale.ROOT);
            boolean coordinator = coordinators.contains(conj);
            if (!coordinator && !contrasts.contains(conj) || notOnly(t, from, i)
                    || NOT_SUBJECT_START.contains(t.get(i + 2).tag()) || !verb(t, from, i, false)
                    || !verb(t, i + 2, t.size(), true)) {
                continue;
            }
            out.add(new Clause(from, i + 1, scopeFrom));
            scopeFrom = coordinator ? scopeFrom : i + 1;
            from = i + 1;
        }
        out.add(new Clause(from, t.size(), scopeFrom));
        return out;
    }

    /** A verb or auxiliary in {@code [from, to)}, or before the first comma after {@code from} when {@code toComma}. */
    private static boolean verb(List<Nlp.Token> t, int from, int to, boolean toComma) {
        for (int i = from; i < to && !(toComma && t.get(i).text().equals(",")); i++) {
            if (t.get(i).verb() || t.get(i).tag().equals("AUX")) {
                return true;
            }
        }
        return false;
    }

    /** "not only X, but also Y": one clause. */
    private static boolean notOnly(List<Nlp.Token> t, int from, int to) {
        for (int i = from; i + 1 < to; i++) {
            if (t.get(i).text().equalsIgnoreCase("not") && t.get(i + 1).text().equalsIgnoreCase("only")) {
                return true;
            }
        }
        return false;
    }
}
