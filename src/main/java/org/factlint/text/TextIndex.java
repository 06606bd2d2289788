package org.factlint.text;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words of one article text, so that asking whether a word occurs anywhere in it costs a lookup rather than a
 * scan of the whole text (which made a long text quadratic). A word is a run of letters, digits and '_', the
 * characters Java's {@code \b} separates; a word with other characters is looked for with the pattern. The
 * last text's index is kept per thread.
 */
final class TextIndex {
    private static final ThreadLocal<TextIndex> LAST = new ThreadLocal<>();
    final String text;
    /** Every word of the text. */
    final Set<String> words = new HashSet<>();
    /** Every word after one or more spaces after a lower-case letter, a comma or a semicolon. */
    final Set<String> inside = new HashSet<>();

    private TextIndex(String text) {
        this.text = text;
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!wordChar(text.charAt(i))) {
                i++;
                continue;
            }
            int j = i;
            while (j < n && wordChar(text.charAt(j))) {
                j++;
            }
            String w = text.substring(i, j);
            words.add(w);
            int k = i;
            while (k > 0 && text.charAt(k - 1) == ' ') {
                k--;
            }
            if (k < i && k > 0) {
                char c = text.charAt(k - 1);
                if (Character.getType(c) == Character.LOWERCASE_LETTER || c == ',' || c == ';') {
                    inside.add(w);
                }
            }
            i = j;
        }
    }

    static TextIndex of(String text) {
        TextIndex x = LAST.get();
        if (x == null || x.text != text) {
            x = new TextIndex(text);
            LAST.set(x);
        }
        return x;
    }

    private static boolean wordChar(char c) {
        return c == '_' || Character.isLetterOrDigit(c);
    }

    private static boolean plain(String w) {
        return !w.isEmpty() && w.chars().allMatch(c -> wordChar((char) c));
    }

    /** As {@code \\bword\\b} found in the text. */
    boolean hasWord(String w) {
        return plain(w) ? words.contains(w)
                : Pattern.compile("\\b" + Pattern.quote(w) + "\\b").matcher(text).find();
    }

    /** As {@code [\\p{Ll},;] +word\\b} found in the text. */
    boolean inside(String w) {
        return plain(w) ? inside.contains(w)
                : Pattern.compile("[\\p{Ll},;] +" + Pattern.quote(w) + "\\b").matcher(text).find();
    }
}
