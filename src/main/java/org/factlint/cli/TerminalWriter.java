package org.factlint.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import org.factlint.io.Printable;

/**
 * The command line's error stream: every control character (C0 but the line break, DEL, C1), bidirectional control and
 * lone surrogate is written as an escape ({@code \u001b}), so an id, a file name or a rule's message taken from input
 * cannot drive the terminal or forge a line of the output. Line breaks stay: each message is its own line.
 */
final class TerminalWriter extends FilterWriter {
    private static final boolean CRLF = System.lineSeparator().equals("\r\n");
    /** A high surrogate waiting for its low half (it may come in the next write). */
    private char pending;

    TerminalWriter(Writer out) {
        super(out);
    }

    @Override
    public void write(int c) throws IOException {
        put((char) c);
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            put(cbuf[i]);
        }
    }

    @Override
    public void write(String str, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            put(str.charAt(i));
        }
    }

    private void put(char c) throws IOException {
        if (pending != 0) {
            char high = pending;
            pending = 0;
            if (Character.isLowSurrogate(c)) {
                out.write(high);
                out.write(c);
                return;
            }
            escape(high);
        }
        if (Character.isHighSurrogate(c)) {
            pending = c;
        } else if (c == '\n' || c == '\r' && CRLF) {
            out.write(c);
        } else if (Character.isLowSurrogate(c) || Printable.control(c)) {
            escape(c);
        } else {
            out.write(c);
        }
    }

    private void escape(char c) throws IOException {
        out.write(switch (c) {
            case '\t' -> "\\t";
            case '\r' -> "\\r";
            default -> String.format("\\u%04x", (int) c);
        });
    }

    @Override
    public void close() throws IOException {
        if (pending != 0) {
            escape(pending);
            pending = 0;
        }
        super.close();
    }
}
