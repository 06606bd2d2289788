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
        String s = Normalizer.normalize(name, Normalizer.Form.NFD);
        s = MARKS.matcher(s).replaceAll("").toLowerCase(Locale.ROOT);
        s = s.replace("’", "").replace("'", "");
        s = NON_WORD.matcher(s).replaceAll(" ").trim();
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
}
