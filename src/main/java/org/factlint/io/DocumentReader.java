package org.factlint.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.factlint.Batch;
import org.factlint.InputError;
import org.factlint.model.Document;
import org.factlint.model.InvalidDocumentException;

/**
 * Reads claims documents: one JSON object, a JSON array of them, or JSON Lines (one per line; by the file name
 * ending in {@code .jsonl} or {@code .ndjson}). A bad document is reported with file, line, column, JSON path and
 * what was expected; the good ones in the same input are kept.
 */
public final class DocumentReader {
    private DocumentReader() {
    }

    /** Reads a file; JSON Lines when its name ends in .jsonl or .ndjson. */
    public static Batch read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String name = file.toString();
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".jsonl") || lower.endsWith(".ndjson") ? readLines(name, bytes) : readJson(name, bytes);
    }

    /** Reads one JSON document or an array of documents. */
    public static Batch readJson(String name, byte[] bytes) {
        String text;
        try {
            text = decode(bytes);
        } catch (CharacterCodingException e) {
            return rejectedWhole(name, invalidUtf8(name, bytes));
        }
        String trimmed = text.stripLeading();
        if (trimmed.startsWith("[")) {
            return readArray(name, text);
        }
        return readOne(name, text, 0, 0, "$");
    }

    /** Reads JSON Lines: one document per non-blank line. */
    public static Batch readLines(String name, byte[] bytes) {
        String text;
        try {
            text = decode(bytes);
        } catch (CharacterCodingException e) {
            return rejectedWhole(name, invalidUtf8(name, bytes));
        }
        Batch batch = new Batch(List.of(), List.of(), 0, 0);
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                batch = batch.plus(readOne(name, lines[i], i, 0, "$"));
            }
        }
        return batch;
    }

    private static Batch readArray(String name, String text) {
        Batch batch = new Batch(List.of(), List.of(), 0, 0);
        int index = 0;
        try (JsonParser p = Json.mapper().createParser(text)) {
            p.nextToken();
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
                // Cut each element out and read it alone, so one bad document cannot derail the rest.
                JsonLocation start = p.currentTokenLocation();
                p.skipChildren();
                int end = (int) p.currentLocation().getCharOffset();
                String element = text.substring((int) start.getCharOffset(), end);
                batch = batch.plus(readOne(name, element, start.getLineNr() - 1, start.getColumnNr() - 1,
                        "$[" + index++ + "]"));
            }
        } catch (JsonProcessingException e) {
            return batch.plus(new Batch(List.of(), List.of(error(name, 0, 0, e, "$[" + index + "]")), 1, 1));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // reading a String cannot fail
        }
        return batch;
    }

    /**
     * Reads one document from {@code text}, which starts at line {@code lineOffset + 1}, column
     * {@code columnOffset + 1} of the input.
     */
    private static Batch readOne(String name, String text, int lineOffset, int columnOffset, String prefix) {
        try {
            Document doc = Json.mapper().readValue(text, Document.class);
            return new Batch(List.of(doc), List.of(), 1, 0);
        } catch (JsonProcessingException e) {
            List<InputError> errors;
            if (e instanceof ValueInstantiationException && e.getCause() instanceof InvalidDocumentException invalid) {
                errors = new ArrayList<>();
                for (InvalidDocumentException.Problem problem : invalid.problems()) {
                    String pointer = "/" + problem.path().replace("[", "/").replace("]", "").replace(".", "/");
                    JsonLocation at = Locator.find(text, pointer);
                    int line = at == null ? 0 : at.getLineNr();
                    int column = at == null ? 0 : at.getColumnNr() + (line == 1 ? columnOffset : 0);
                    errors.add(new InputError(name, at == null ? 0 : line + lineOffset, column,
                            prefix + "." + problem.path(), problem.message()));
                }
            } else {
                errors = List.of(error(name, lineOffset, columnOffset, e, prefix));
            }
            return new Batch(List.of(), errors, 1, 1);
        }
    }

    private static InputError error(String name, int lineOffset, int columnOffset, JsonProcessingException e,
                                    String prefix) {
        JsonLocation at = e.getLocation();
        int line = at == null ? 0 : Math.max(at.getLineNr(), 0);
        int column = at == null ? 0 : Math.max(at.getColumnNr(), 0) + (line == 1 ? columnOffset : 0);
        line = line == 0 ? 0 : line + lineOffset;
        String path = prefix;
        if (e instanceof JsonMappingException m) {
            path = prefix + pathOf(m.getPath());
        }
        return new InputError(name, line, column, path, explain(e));
    }

    /** A Jackson reference path as a JSON path suffix: {@code .claims[2].subject}. */
    public static String pathOf(List<JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                sb.append('.').append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    /** What a Jackson error means, in the words of Factlint's input errors. */
    public static String explain(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException) {
            return "input exceeds a limit: " + e.getOriginalMessage().split("\\(")[0].strip();
        }
        if (e instanceof UnrecognizedPropertyException u) {
            String known = u.getKnownPropertyIds() == null ? "" : u.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", ", " (expected one of: ", ")"));
            return "unknown field '" + u.getPropertyName() + "'" + known;
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            String accepted = Arrays.stream(f.getTargetType().getEnumConstants())
                    .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
            return "'" + f.getValue() + "' is not a valid " + describe(f.getTargetType())
                    + " (expected one of: " + accepted + ")";
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mi && mi.getTargetType() != null
                && !(e instanceof InvalidFormatException)) {
            String msg = String.valueOf(mi.getOriginalMessage());
            if (msg.startsWith("Cannot deserialize value of type")) {
                return "expected " + expected(mi.getTargetType()) + msg.replaceFirst("(?s)^.*? from ([^:(]*).*$", ", got $1")
                        .replace("Object value", "an object").replace("Array value", "an array")
                        .replace("String value", "a string").replace("Integer value", "a number")
                        .replace("Floating-point value", "a number").replace("Boolean value", "a boolean").strip();
            }
        }
        if (rootCause(e) instanceof com.fasterxml.jackson.core.JsonParseException p) {
            String msg = p.getOriginalMessage().split("\n")[0].replaceAll("\\s*\\(start marker at .*$", "");
            if (msg.startsWith("Unexpected end-of-input")) {
                return "malformed JSON: the input ends before the document does (truncated?): "
                        + msg.replaceFirst("^Unexpected end-of-input:?\\s*", "").toLowerCase(Locale.ROOT);
            }
            return "malformed JSON: " + msg;
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() == java.time.LocalDate.class) {
            return "'" + f.getValue() + "' is not a date (expected YYYY-MM-DD)";
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() != null) {
            return "expected " + expected(f.getTargetType()) + ", got " + quote(f.getValue());
        }
        if (e instanceof ValueInstantiationException && e.getCause() != null) {
            return e.getCause().getMessage();
        }
        if (e instanceof JsonMappingException m && m.getCause() instanceof IllegalArgumentException iae
                && iae.getMessage() != null) {
            return iae.getMessage();
        }
        String msg = e.getOriginalMessage();
        if (msg == null) {
            msg = e.getClass().getSimpleName();
        }
        msg = msg.split("\n")[0].replace("org.factlint.model.", "").replace("java.lang.", "")
                .replace("java.util.", "").replace("java.time.", "");
        if (!(e instanceof JsonMappingException)) {
            return "malformed JSON: " + msg;
        }
        return msg;
    }

    private static Throwable rootCause(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c;
    }

    private static String quote(Object value) {
        return value instanceof String ? "'" + value + "'" : String.valueOf(value);
    }

    private static String expected(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type.isEnum()) {
            return "a " + describe(type) + " name";
        }
        return "an object (" + describe(type) + ")";
    }

    private static String describe(Class<?> type) {
        return type.getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }

    private static String decode(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes)).toString();
    }

    private static InputError invalidUtf8(String name, byte[] bytes) {
        int line = 1;
        int column = 1;
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        // Find the first bad byte by decoding growing prefixes line by line.
        int lineStart = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                try {
                    decoder.reset().decode(ByteBuffer.wrap(bytes, lineStart, i - lineStart));
                } catch (CharacterCodingException e) {
                    int j = lineStart;
                    while (j < i) {
                        try {
                            decoder.reset().decode(ByteBuffer.wrap(bytes, lineStart, j - lineStart + 1));
                            j++;
                        } catch (CharacterCodingException bad) {
                            if (isLead(bytes[j]) && j + 1 < i && !isLead(bytes[j + 1]) && (bytes[j + 1] & 0xC0) == 0x80) {
                                j++; // an incomplete prefix of a valid sequence: keep going
                                continue;
                            }
                            break;
                        }
                    }
                    column = j - lineStart + 1;
                    return new InputError(name, line, column, "$", String.format(Locale.ROOT,
                            "invalid UTF-8 (byte 0x%02X at byte offset %d)", bytes[Math.min(j, bytes.length - 1)] & 0xFF, j));
                }
                line++;
                lineStart = i + 1;
            }
        }
        return new InputError(name, 0, 0, "$", "invalid UTF-8");
    }

    private static boolean isLead(byte b) {
        return (b & 0xC0) == 0xC0;
    }

    private static Batch rejectedWhole(String name, InputError error) {
        return new Batch(List.of(), List.of(error), 1, 1);
    }
}
