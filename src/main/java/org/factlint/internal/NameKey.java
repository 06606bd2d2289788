package org.factlint.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every reading of a name, word by word ({@link Names#key}): each word has one key, or several when its letters
 * read differently in different conventions (a {@code j} is ж, й or х).
 *
 * @param words   the keys of each word, primary reading first
 * @param abjad   whether the name was written in Arabic, Persian or Hebrew script, which write no short vowels
 * @param sounded for a Latin name some word of which English spells otherwise than it sounds, the keys of each word as
 *                Russian or Greek would write it (Trump as tramp: Трамп) and its own keys; else empty
 * @param heard   whether the name is in a script that writes a foreign name as it sounds (Cyrillic, Greek)
 * @param turned  whether the name is two words in Japanese syllables, which English-language news writes in either
 *                order (Fumio Kishida, Kishida Fumio)
 */
public record NameKey(List<List<String>> words, boolean abjad, List<List<String>> sounded, boolean heard,
        boolean turned) {
    private static final int MAX = 256;
    /** The mark of keys by sound ({@link #probes}, {@link #exposed}). */
    private static final String SOUND = "^";

    public NameKey {
        words = List.copyOf(words);
        sounded = List.copyOf(sounded);
    }

    /** The key of a name in a script that is not written by sound. */
    public NameKey(List<List<String>> words, boolean abjad) {
        this(words, abjad, List.of(), false, false);
    }

    /** The key of a name in an alphabet that writes its vowels. */
    public NameKey(List<List<String>> words) {
        this(words, false);
    }

    public int size() {
        return words.size();
    }

    /**
     * Keys of the whole name, its words run together (so "Kim Jong-un" is "Kim Jong Un"), a letter that ends one word
     * and starts the next written once, as within a word (Ching-kuo is Jingguo); at most 256 (a name of two words
     * with 16 readings each has that many). A name in
     * Arabic, Persian or Hebrew script of two words or more has besides its keys by their consonants alone ({@link #probes}).
     */
    public Set<String> full() {
        Set<String> full = joined(words);
        if (!abjad) {
            return full;
        }
        Set<String> out = new LinkedHashSet<>(full);
        joined(words, false).forEach(k -> out.add(consonants("~", k)));
        return out;
    }

    /**
     * Keys that find a name written in the other kind of script by its consonants, but never a name of the same kind:
     * Arabic, Persian and Hebrew script write no short vowel (محمد مرسي reads mhmd mrsi, Mohamed Morsi), so a Latin name
     * meets an Arabic-script one by its consonants; two Latin names never do (Dragan Čović and Dragan Čavić are two
     * people). A Latin name probes {@code ~} keys, which only Arabic-script names own ({@link #full}), and exposes
     * {@code ~~} keys ({@link #exposed}), which only Arabic-script names probe. A lone word has them too when it has
     * two consonants or more (حفتر is Haftar, السيسي Sisi: news often names a person by one word); two Latin words
     * still never meet this way (Hamid and Hamad are two names, though Arabic script writes both حامد).
     */
    public Set<String> probes() {
        Set<String> out = consonantKeys(abjad ? "~~" : "~");
        if (heard) {
            // a Cyrillic or Greek name finds the English names it writes by sound (Трамп finds Trump's tramp)
            joined(words).forEach(k -> out.add(SOUND + k));
        }
        if (turned && words.size() == 2) {
            // a Japanese name finds itself written family name first (Kishida Fumio finds Fumio Kishida)
            out.addAll(joined(List.of(words.get(1), words.get(0))));
        }
        return out;
    }

    /**
     * Keys a Latin name is registered under for Arabic-script names to find by consonants, and for Cyrillic and Greek
     * ones by sound ({@link #sounded}); never matched by a Latin name.
     */
    public Set<String> exposed() {
        if (abjad) {
            return Set.of();
        }
        Set<String> out = consonantKeys("~~");
        if (!sounded.isEmpty()) {
            // only what some word's sound reading makes: a spelling of every word as written meets by the full keys
            Set<String> asWritten = joined(words);
            joined(sounded).stream().filter(k -> !asWritten.contains(k)).forEach(k -> out.add(SOUND + k));
        }
        return out;
    }

    private Set<String> consonantKeys(String mark) {
        Set<String> out = new LinkedHashSet<>();
        for (String k : joined(words, false)) {
            String c = consonants(mark, k);
            // a lone word needs two consonants at least: Assad (sd) meets الأسد, but a vowel and one consonant is
            // too little to tell a name by
            if (words.size() > 1 || c.length() - mark.length() >= 2) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * The consonants of a key, marked: the vowels and v dropped (waw is a consonant and a long vowel: Anwar, أنور
     * anur), a consonant twice across a vowel kept twice (Potanin).
     */
    static String consonants(String mark, String key) {
        StringBuilder b = new StringBuilder(key.length() + mark.length()).append(mark);
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if ("aeiouv".indexOf(c) < 0) {
                b.append(c);
            }
        }
        return b.toString();
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
        return joined(parts, true);
    }

    /** The words' keys run together; {@code once}: a letter ending one word and starting the next written once. */
    private static Set<String> joined(List<List<String>> parts, boolean once) {
        Set<String> out = new LinkedHashSet<>();
        out.add("");
        for (List<String> keys : parts) {
            Set<String> next = new LinkedHashSet<>();
            for (String prefix : out) {
                for (String k : keys) {
                    if (next.size() < MAX) {
                        // never for an initial (George H. W. Bush is not George W. Bush)
                        boolean twice = once && !prefix.isEmpty() && k.length() > 1 && prefix.length() > 1
                                && prefix.charAt(prefix.length() - 1) == k.charAt(0);
                        next.add(twice ? prefix + k.substring(1) : prefix + k);
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
