package org.factlint.io;

/**
 * Text made safe for a terminal or a log line: control characters (C0, DEL, C1), bidirectional overrides and lone
 * surrogates are written as escapes (a backslash and n, or a backslash, u and four hex digits), so a claim's text cannot move the cursor, recolour
 * a terminal, forge a log line or reverse what an editor reads.
 */
public final class Printable {
    private Printable() {
    }

    /** True for the characters {@link #of} escapes, lone surrogates aside: C0, DEL, C1 and bidirectional controls. */
    public static boolean control(char c) {
        return c < 0x20 || c >= 0x7f && c <= 0x9f || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069
                || c == 0x200e || c == 0x200f || c == 0x061c;
    }

    public static String of(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean lone = Character.isHighSurrogate(c) && (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
            if (control(c) || lone) {
                if (out == null) {
                    out = new StringBuilder(s.length() + 16).append(s, 0, i);
                }
                switch (c) {
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> out.append(String.format("\\u%04x", (int) c));
                }
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }
}
