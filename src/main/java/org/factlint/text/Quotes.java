package org.factlint.text;

import java.util.List;

/** Quotation marks in a sentence's tokens: which tokens are quoted, and whether one is a mark. */
final class Quotes {
    private Quotes() {
    }

    static boolean quoteMark(List<Nlp.Token> t, int i) {
        String w = t.get(i).text();
        return w.equals("\"") || w.equals("``") || w.equals("''")
                || w.equals("'") && (i + 1 < t.size() && t.get(i + 1).text().equals("'")
                && t.get(i + 1).start() == t.get(i).end()
                || i > 0 && t.get(i - 1).text().equals("'") && t.get(i - 1).end() == t.get(i).start());
    }

    /**
     * Which tokens lie inside quotation marks (the marks count as inside). A mark after a space (or at the start)
     * opens a quotation, one right after a word or a comma closes it; a sentence whose first mark closes continues
     * a quotation opened in an earlier sentence, so all before that mark is quoted.
     */
    static boolean[] quoted(String text, List<Nlp.Token> t) {
        boolean[] out = new boolean[t.size()];
        boolean in = false;
        boolean seen = false;
        for (int i = 0; i < t.size(); i++) {
            if (!quoteMark(t, i)) {
                out[i] = in;
                continue;
            }
            out[i] = true;
            int at = t.get(i).start();
            boolean opens = at == 0 || Character.isWhitespace(text.charAt(at - 1)) || "([{-".indexOf(text.charAt(at - 1)) >= 0
                    || i > 0 && quoteMark(t, i - 1) && t.get(i - 1).end() == at && !out[i - 1];
            if (i > 0 && quoteMark(t, i - 1) && t.get(i - 1).end() == at) {
                continue; // the second half of a '' mark
            }
            if (opens) {
                in = true;
            } else {
                if (!seen && !in) {
                    for (int k = 0; k < i; k++) {
                        out[k] = true;
                    }
                }
                in = false;
            }
            seen = true;
        }
        return out;
    }

}
