package org.factlint.internal;

/**
 * Text helpers for reading DRL without its comments and string literals (used by {@link PackLint}). The safety check
 * that once lived here read the pack's text with regular expressions; an untrusted pack is now verified on its parsed
 * form by {@link org.factlint.internal.verify.PackVerifier} before anything compiles it.
 */
public final class PackSafety {
    private PackSafety() {
    }

    /**
     * The text with comments and string literals replaced by spaces (newlines kept), so offsets and lines still
     * match: a rule's name or message may say "Thread" or "File" without harm.
     */
    static String blankCommentsAndStrings(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '/' || c == '#' && lineStartsWith(s, i)) {
                while (i < s.length() && s.charAt(i) != '\n') {
                    out.append(' ');
                    i++;
                }
            } else if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '*') {
                int end = s.indexOf("*/", i + 2);
                end = end < 0 ? s.length() : end + 2;
                blank(s, i, end, out);
                i = end;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < s.length() && s.charAt(j) != c && s.charAt(j) != '\n') {
                    j += s.charAt(j) == '\\' ? 2 : 1;
                }
                int end = Math.min(j + 1, s.length());
                out.append(c);
                blank(s, i + 1, end - 1, out);
                if (end - 1 > i) {
                    out.append(s.charAt(end - 1) == c ? c : ' ');
                }
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static boolean lineStartsWith(String s, int i) {
        int lineStart = s.lastIndexOf('\n', i - 1) + 1;
        return s.substring(lineStart, i).isBlank();
    }

    private static void blank(String s, int from, int to, StringBuilder out) {
        for (int k = from; k < to && k < s.length(); k++) {
            out.append(s.charAt(k) == '\n' ? '\n' : ' ');
        }
    }
}
