package org.factlint.text;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The factuality stage. Needs: the tokens and tags of one sentence ({@link Nlp}; contractions already split, so
 * "won't" is "wo" + "n't"). Adds: a value in [−3, 3] for each token, read as the predicate it would be: +3 certainly
 * happened, 0 unknown, −3 certainly did not. Negation counts only in the predicate's own verb group ("did not go")
 * or as "no" before a noun ("no evidence"), so "no-show" or a "no" in another clause leaves it alone; modals and
 * futures in the verb group, hedges in the clause, a conditional or "whether" opening the clause, a "to" complement
 * of an intention verb ("wants to go") and a question each cap the value. The words and values are the table
 * {@code factuality.csv}. Stateless and thread-safe.
 */
final class FactualityStage {
    enum Role { NEGATION, MODAL, FUTURE, HEDGE, CONDITIONAL, INTENTION, QUESTION, FACTIVE }

    private record Cue(Role role, double value) {
    }

    private static final Set<String> GROUP_WORDS = Set.of("be", "been", "being", "is", "are", "was", "were", "am",
            "have", "has", "had", "having", "do", "does", "did", "to", "get", "got", "'s", "'re", "'ve", "'d", "'m");
    private static final Set<String> CLAUSE_BREAKS = Set.of(",", ";", ":", "(", ")", "--", "-", "\"", "``", "''",
            "that", "which", "who", "because", "while", "when", "after", "before", "although", "though", "but", "and",
            "or", "as", "since", "until", "so");

    private static final Set<String> NEGATIVE_SUBJECTS = Set.of("nobody", "nothing", "none", "no-one");

    private final Map<String, Cue> cues = new HashMap<>();

    FactualityStage(List<String[]> rows) {
        for (String[] r : rows) {
            Role role;
            try {
                role = Role.valueOf(r[1].toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("factuality.csv: '" + r[0] + "': unknown role '" + r[1] + "'");
            }
            double v;
            try {
                v = Double.parseDouble(r[2]);
            } catch (NumberFormatException e) {
                throw new IllegalStateException("factuality.csv: '" + r[0] + "': value '" + r[2] + "' is not a number");
            }
            if (v < -3 || v > 3) {
                throw new IllegalStateException("factuality.csv: '" + r[0] + "': value " + r[2] + " is outside [-3, 3]");
            }
            cues.put(r[0].toLowerCase(Locale.ROOT), new Cue(role, v));
        }
    }

    private Cue cue(Nlp.Token t, Role role) {
        Cue c = cues.get(t.text().toLowerCase(Locale.ROOT));
        return c != null && c.role() == role ? c : null;
    }

    /** One value per token of the sentence. */
    double[] values(List<Nlp.Token> t) {
        int n = t.size();
        double[] out = new double[n];
        boolean question = false;
        for (int k = n - 1; k >= 0; k--) {
            String w = t.get(k).text();
            if (w.equals("?")) {
                question = true;
                break;
            }
            if (!(w.equals("\"") || w.equals("''") || w.equals("'") || w.equals(")"))) {
                break;
            }
        }
        Cue questionCue = cues.get("?");
        for (int i = 0; i < n; i++) {
            out[i] = value(t, i, question && questionCue != null ? questionCue.value() : 3);
        }
        return out;
    }

    private double value(List<Nlp.Token> t, int i, double cap) {
        double v = cap;
        int negations = 0;
        // the verb group to the left: "would not have been taken", "did n't go", "to go"
        int j = i - 1;
        boolean noun = t.get(i).noun();
        if (noun) {
            int k = i - 1;
            while (k >= 0 && (t.get(k).tag().equals("ADJ") || t.get(k).tag().equals("NOUN"))) {
                k--;
            }
            if (k >= 0 && t.get(k).text().equalsIgnoreCase("no")) {
                negations++;
            }
        } else {
            while (j >= 0 && i - j <= 6) {
                Nlp.Token x = t.get(j);
                String w = x.text().toLowerCase(Locale.ROOT);
                Cue c = cues.get(w);
                if (c != null && c.role() == Role.NEGATION && !w.equals("no") && !w.equals("without")) {
                    negations++;
                } else if (c != null && (c.role() == Role.MODAL || c.role() == Role.FUTURE)) {
                    v = Math.min(v, c.value());
                } else if (c != null && c.role() == Role.HEDGE) {
                    v = Math.min(v, c.value());
                } else if (!(GROUP_WORDS.contains(w) || x.tag().equals("AUX") || x.tag().equals("ADV")
                        || x.tag().equals("PART"))) {
                    break;
                }
                if (w.equals("to")) {
                    // "wants to go", "refused to comment": the intention verb decides
                    int k = j - 1;
                    while (k >= 0 && (t.get(k).tag().equals("ADV") || t.get(k).tag().equals("PART"))) {
                        k--;
                    }
                    Cue intent = k >= 0 ? cue(t.get(k), Role.INTENTION) : null;
                    if (intent == null) {
                        break;
                    }
                    v = intent.value() < 0 ? Math.min(v, -intent.value()) : Math.min(v, intent.value());
                    if (intent.value() < 0) {
                        negations++;
                    }
                    j = k; // go on left of the intention verb: "is not going to buy", "did not want to go"
                }
                j--;
            }
            // a negative subject right before the verb group: "No one has claimed", "Nobody was hurt"
            if (j >= 0 && NEGATIVE_SUBJECTS.contains(t.get(j).text().toLowerCase(Locale.ROOT))
                    || j >= 1 && t.get(j).text().equalsIgnoreCase("one") && t.get(j - 1).text().equalsIgnoreCase("no")) {
                negations++;
            }
        }
        // the clause: hedges anywhere in it, a conditional opening it
        int from = i - 1;
        while (from >= 0 && !CLAUSE_BREAKS.contains(t.get(from).text().toLowerCase(Locale.ROOT))
                && cue(t.get(from), Role.CONDITIONAL) == null) {
            Cue h = cue(t.get(from), Role.HEDGE);
            if (h != null) {
                v = Math.min(v, h.value());
            }
            from--;
        }
        if (from >= 0) {
            Cue c = cue(t.get(from), Role.CONDITIONAL);
            if (c != null) {
                v = Math.min(v, c.value());
            }
        }
        return negations % 2 == 1 ? -v : v;
    }
}
