package org.factlint.rules;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Text normalisation shared by lexicon rows and claim sentences, so that matching a phrase is one
 * {@code String.contains}: lower case, accents and curly quotes folded, every run of non-letters and non-digits one
 * space, with a space on each side. {@code "He’s REPORTEDLY ill."} becomes {@code " he s reportedly ill "}.
 */
public final class Lexicon {
    private Lexicon() {
    }

    public static String normalize(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(s.length() + 2).append(' ');
        boolean space = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                out.append(c);
                space = false;
            } else if (!space) {
                out.append(' ');
                space = true;
            }
        }
        if (!space) {
            out.append(' ');
        }
        return out.toString();
    }
}
