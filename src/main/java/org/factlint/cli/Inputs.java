package org.factlint.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** Why an input file cannot be read, in the words a desk editor expects; checked before anything opens it. */
final class Inputs {
    private Inputs() {
    }

    /** Null when {@code f} is a readable regular file, else the reason ("it is a directory"). */
    static String unreadable(Path f) {
        if (!Files.exists(f)) {
            return Files.exists(f, LinkOption.NOFOLLOW_LINKS) ? "no such file (a broken symbolic link)" : "no such file";
        }
        if (Files.isDirectory(f)) {
            return "it is a directory";
        }
        if (!Files.isRegularFile(f)) {
            // never opened: reading a FIFO would block until someone writes to it
            return "it is not a regular file (" + kind(f) + ")";
        }
        if (!Files.isReadable(f)) {
            return "permission denied";
        }
        return null;
    }

    private static String kind(Path f) {
        try {
            Object mode = Files.getAttribute(f, "unix:mode");
            int type = ((Integer) mode) & 0170000;
            return switch (type) {
                case 0010000 -> "a named pipe";
                case 0140000 -> "a socket";
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                default -> "a special file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            try {
                return Files.readAttributes(f, BasicFileAttributes.class).isOther() ? "a special file" : "not a file";
            } catch (IOException again) {
                return "a special file";
            }
        }
    }

    /**
     * Null when {@code bytes} look like article text, else why not: claims JSON (a file that starts with an object or
     * an array), or binary data (a NUL byte or bytes that are not UTF-8).
     */
    static String notArticleText(Path f, byte[] bytes) {
        String name = f.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        int i = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf) {
            i = 3; // a UTF-8 byte-order mark
        }
        while (i < bytes.length && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\n' || bytes[i] == '\r')) {
            i++;
        }
        if (name.endsWith(".json") || name.endsWith(".jsonl")
                || (i < bytes.length && (bytes[i] == '{' || bytes[i] == '['))) {
            return "it is claims JSON, not article text (check it with 'factlint check " + f + "')";
        }
        for (int b = 0; b < bytes.length; b++) {
            if (bytes[b] == 0) {
                return "it is not text: a NUL byte at byte " + b;
            }
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CoderResult r = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(in, CharBuffer.allocate(bytes.length), true);
        return r.isError() ? "it is not UTF-8 text: a malformed byte at byte " + in.position() : null;
    }
}
