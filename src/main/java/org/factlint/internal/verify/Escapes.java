package org.factlint.internal.verify;

/**
 * Unicode escapes as the Java compiler reads them (JLS 3.3), before anything else: backslash-u-0022 is a quote
 * that can close a string early, backslash-u-000a a line break that can end a comment. The verifier reads code the
 * way the compiler will.
 */
final class Escapes {
    private Escapes() {
    }

    /** The text with every unicode escape replaced by its character; an invalid escape is left as written. */
    static String expand(String s) {
        if (s.indexOf("\\u") < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        int backslashes = 0; // contiguous raw backslashes just before i
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\' && backslashes % 2 == 0 && i + 1 < s.length() && s.charAt(i + 1) == 'u') {
                int j = i + 1;
                while (j < s.length() && s.charAt(j) == 'u') {
                    j++;
                }
                if (j + 4 <= s.length() && hex(s, j)) {
                    out.append((char) Integer.parseInt(s.substring(j, j + 4), 16));
                    i = j + 4;
                    backslashes = 0; // an escaped backslash does not start another escape
                    continue;
                }
            }
            backslashes = c == '\\' ? backslashes + 1 : 0;
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static boolean hex(String s, int from) {
        for (int k = from; k < from + 4; k++) {
            if (Character.digit(s.charAt(k), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
