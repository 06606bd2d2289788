package org.factlint.internal.verify;

import java.util.ArrayList;
import java.util.List;

/** Bracket matching in Java-like code that skips string and character literals, text blocks and comments. */
final class Brackets {
    private Brackets() {
    }

    /** The index of the bracket closing the one at {@code open}, or -1. */
    static int match(String s, int open) {
        char o = s.charAt(open);
        char c = o == '(' ? ')' : o == '{' ? '}' : ']';
        int depth = 0;
        int i = open;
        while (i < s.length()) {
            int skip = skipLiteralOrComment(s, i);
            if (skip > i) {
                i = skip;
                continue;
            }
            char ch = s.charAt(i);
            if (ch == o) {
                depth++;
            } else if (ch == c && --depth == 0) {
                return i;
            }
            i++;
        }
        return -1;
    }

    /**
     * The index of the first bracket ({@code ( [ {}) opening deeper than {@code limit} levels, or -1: one linear pass,
     * no recursion, so a pack nested too deeply for a parser is found before any parser reads it.
     */
    static int deeperThan(String s, int limit) {
        int depth = 0;
        int i = 0;
        while (i < s.length()) {
            int skip = skipLiteralOrComment(s, i);
            if (skip > i) {
                i = skip;
                continue;
            }
            char ch = s.charAt(i);
            if (ch == '(' || ch == '[' || ch == '{') {
                if (++depth > limit) {
                    return i;
                }
            } else if ((ch == ')' || ch == ']' || ch == '}') && depth > 0) {
                depth--;
            }
            i++;
        }
        return -1;
    }

    /**
     * The index of the first {@code <} of type arguments nested deeper than {@code limit} levels, or -1: one linear
     * pass, no recursion ({@code List<List<...>>} 20,000 deep overflowed the DRL parser's stack). A run of type
     * arguments holds only names, dots, commas, {@code ?}, array brackets and spaces; any other character (an
     * operator, a bracket, a line end) ends it, so comparisons such as {@code a < b && c < d} are not counted.
     */
    static int anglesDeeperThan(String s, int limit) {
        int depth = 0;
        int i = 0;
        while (i < s.length()) {
            int skip = skipLiteralOrComment(s, i);
            if (skip > i) {
                i = skip;
                depth = 0;
                continue;
            }
            char ch = s.charAt(i);
            if (ch == '<') {
                if (++depth > limit) {
                    return i;
                }
            } else if (ch == '>') {
                depth = Math.max(0, depth - 1);
            } else if (!(Character.isJavaIdentifierPart(ch) && ch != '\n' && ch != '\r' || ch == '.' || ch == ','
                    || ch == '?' || ch == '[' || ch == ']' || ch == ' ' || ch == '\t')) {
                depth = 0;
            }
            i++;
        }
        return -1;
    }

    /** The parts of {@code s} between commas at bracket depth 0. */
    static List<String> splitTopLevel(String s) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        int i = 0;
        while (i < s.length()) {
            int skip = skipLiteralOrComment(s, i);
            if (skip > i) {
                i = skip;
                continue;
            }
            char ch = s.charAt(i);
            if (ch == '(' || ch == '{' || ch == '[') {
                depth++;
            } else if (ch == ')' || ch == '}' || ch == ']') {
                depth--;
            } else if (ch == ',' && depth == 0) {
                parts.add(s.substring(start, i));
                start = i + 1;
            }
            i++;
        }
        parts.add(s.substring(start));
        return parts;
    }

    /** 0 when {@code at} is in code, 1 when it is inside a literal or a comment. */
    static int stateAt(String s, int at) {
        int i = 0;
        while (i < at) {
            int skip = skipLiteralOrComment(s, i);
            if (skip > i) {
                if (skip > at) {
                    return 1;
                }
                i = skip;
            } else {
                i++;
            }
        }
        return 0;
    }

    /** The index after the literal or comment starting at {@code i}, or {@code i} when none starts there. */
    private static int skipLiteralOrComment(String s, int i) {
        char ch = s.charAt(i);
        if (ch == '/' && i + 1 < s.length() && s.charAt(i + 1) == '/') {
            int nl = s.indexOf('\n', i);
            return nl < 0 ? s.length() : nl;
        }
        if (ch == '/' && i + 1 < s.length() && s.charAt(i + 1) == '*') {
            int end = s.indexOf("*/", i + 2);
            return end < 0 ? s.length() : end + 2;
        }
        if (s.startsWith("\"\"\"", i)) {
            int end = s.indexOf("\"\"\"", i + 3);
            return end < 0 ? s.length() : end + 3;
        }
        if (ch == '"' || ch == '\'') {
            int j = i + 1;
            while (j < s.length() && s.charAt(j) != ch && s.charAt(j) != '\n') {
                j += s.charAt(j) == '\\' ? 2 : 1;
            }
            return Math.min(j + 1, s.length());
        }
        return i;
    }
}
