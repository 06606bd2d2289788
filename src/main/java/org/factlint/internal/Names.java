package org.factlint.internal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folds a name to a key that survives case, diacritics, punctuation and common transliteration variants of
 * Cyrillic and Turkic names: {@code Berdimuhamedov}, {@code Berdymukhammedov} and {@code BERDIMUHAMEDOW} share a key.
 */
public final class Names {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_WORD = Pattern.compile("[^a-z0-9]+");

    private Names() {
    }

    public static String fold(String name) {
        if (name == null) {
            return null;
        }
        String s = isAscii(name) ? words(name) : fullWords(name);
        // Transliteration: kh/h (Rakhmon/Rahmon), y/i (Berdymukhammedov/Berdimuhamedov), w/v at the end (-ow/-ov),
        // ou/u, then doubled letters collapse (mm/m).
        s = s.replace("kh", "h").replace("y", "i").replace("ou", "u").replace("ow ", "ov ");
        if (s.endsWith("ow")) {
            s = s.substring(0, s.length() - 2) + "ov";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (i == 0 || c != s.charAt(i - 1) || c == ' ') {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Lower-case words of the name separated by single spaces, with marks and apostrophes dropped. */
    static String fullWords(String name) {
        String s = Normalizer.normalize(name, Normalizer.Form.NFD);
        s = MARKS.matcher(s).replaceAll("").toLowerCase(Locale.ROOT);
        s = s.replace("’", "").replace("'", "");
        return NON_WORD.matcher(s).replaceAll(" ").trim();
    }

    /**
     * {@link #fullWords} for ASCII names, which most are: no Unicode normalisation, no regex. Folding runs for every
     * name and mention of every document, and the full path was a tenth of what a check allocated.
     */
    static String words(String name) {
        StringBuilder out = new StringBuilder(name.length());
        boolean gap = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            if (c == '\'') {
                continue;
            }
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (gap && out.length() > 0) {
                    out.append(' ');
                }
                gap = false;
                out.append(c);
            } else {
                gap = true;
            }
        }
        return out.toString();
    }

    static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
