package org.factlint.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every reading of a name, word by word ({@link Names#key}): each word has one key, or several when its letters
 * read differently in different conventions (a {@code j} is ж, й or х).
 *
 * @param words the keys of each word, primary reading first
 */
public record NameKey(List<List<String>> words) {
    private static final int MAX = 64;

    public NameKey {
        words = List.copyOf(words);
    }

    public int size() {
        return words.size();
    }

    /** Keys of the whole name, its words run together (so "Kim Jong-un" is "Kim Jong Un"); at most 64. */
    public Set<String> full() {
        return joined(words);
    }

    /** Keys of the surname alone: the last word. */
    public Set<String> last() {
        return words.isEmpty() ? Set.of() : Set.copyOf(words.get(words.size() - 1));
    }

    /** Keys of the first and last words run together, for names of three words or more (a patronymic, an initial). */
    public Set<String> firstAndLast() {
        return words.size() < 3 ? Set.of() : joined(List.of(words.get(0), words.get(words.size() - 1)));
    }

    private static Set<String> joined(List<List<String>> parts) {
        Set<String> out = new LinkedHashSet<>();
        out.add("");
        for (List<String> keys : parts) {
            Set<String> next = new LinkedHashSet<>();
            for (String prefix : out) {
                for (String k : keys) {
                    if (next.size() < MAX) {
                        next.add(prefix + k);
                    }
                }
            }
            out = next;
        }
        out.remove("");
        return out;
    }

    /** The primary key of the whole name. */
    public String primary() {
        StringBuilder b = new StringBuilder();
        words.forEach(w -> b.append(w.get(0)));
        return b.toString();
    }

    /** All keys of every word, for matching one spelling of a word against another. */
    public static boolean wordsMeet(List<String> a, List<String> b) {
        for (String k : a) {
            if (b.contains(k)) {
                return true;
            }
        }
        return false;
    }
}
