package org.factlint.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
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
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /**
     * Reads a file; JSON Lines when its name ends in .jsonl or .ndjson. A file larger than
     * {@link Json#MAX_FILE_LENGTH} is not read: it comes back as one rejected input.
     */
    public static Batch read(Path file) throws IOException {
        String name = file.toString();
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            // A FIFO, a device or a directory: reading it could block for ever or never end.
            return rejectedWhole(name, new InputError(name, 0, 0, "$", "not a regular file: claims are read from"
                    + " files (a pipe, a device or a directory is refused)"));
        }
        long size = Files.size(file);
        if (size > Json.MAX_FILE_LENGTH) {
            return rejectedWhole(name, new InputError(name, 0, 0, "$", String.format(Locale.ROOT,
                    "file is %,d bytes, over the limit of %,d bytes (Json.MAX_FILE_LENGTH): split it", size,
                    Json.MAX_FILE_LENGTH)));
        }
        byte[] bytes;
        try (java.io.InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) Json.MAX_FILE_LENGTH + 1); // the file may grow after its size was read
        }
        if (bytes.length > Json.MAX_FILE_LENGTH) {
            return rejectedWhole(name, new InputError(name, 0, 0, "$", String.format(Locale.ROOT,
                    "file grew past the limit of %,d bytes (Json.MAX_FILE_LENGTH) while it was read: split it",
                    Json.MAX_FILE_LENGTH)));
        }
        return read(name, bytes);
    }

    /** Reads the bytes of the file {@code name}: JSON Lines for {@code .jsonl} and {@code .ndjson}, else JSON. */
    public static Batch read(String name, byte[] bytes) {
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
        text = withoutBom(text);
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
        text = withoutBom(text);
        List<Batch> parts = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                parts.add(readOne(name, lines[i], i, 0, "$"));
            }
        }
        return Batch.concat(parts);
    }

    /** Editors on Windows write a byte order mark; it carries no content. */
    private static String withoutBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static Batch readArray(String name, String text) {
        List<Batch> parts = new ArrayList<>();
        int index = 0;
        try (JsonParser p = Json.mapper().createParser(text)) {
            try {
                p.nextToken();
                JsonToken t;
                while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
                    // Cut each element out and read it alone, so one bad document cannot derail the rest.
                    JsonLocation start = p.currentTokenLocation();
                    p.skipChildren();
                    int end = (int) p.currentLocation().getCharOffset();
                    String element = text.substring((int) start.getCharOffset(), end);
                    parts.add(readOne(name, element, start.getLineNr() - 1, start.getColumnNr() - 1,
                            "$[" + index++ + "]"));
                }
                if (t == JsonToken.END_ARRAY && hasMore(p)) {
                    JsonLocation at = p.currentTokenLocation();
                    parts.add(rejectedWhole(name, new InputError(name, at.getLineNr(), at.getColumnNr(), "$",
                            "malformed JSON: more content after the end of the array (one document or one array per"
                                    + " file; use a .jsonl file for one document per line)")));
                }
            } catch (JsonProcessingException e) {
                // The rest of the array cannot be read: it counts as one rejected input, the elements before it stand.
                parts.add(rejectedWhole(name, error(name, 0, 0, e, p, "$"))); // the parser's path has [index]
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // reading a String cannot fail
        }
        return Batch.concat(parts);
    }

    /** Whether anything but white space follows; a stray ']' counts too, though the parser calls it an error. */
    private static boolean hasMore(JsonParser p) throws IOException {
        try {
            return p.nextToken() != null;
        } catch (JsonParseException e) {
            return true;
        }
    }

    /**
     * Reads one document from {@code text}, which starts at line {@code lineOffset + 1}, column
     * {@code columnOffset + 1} of the input.
     */
    private static Batch readOne(String name, String text, int lineOffset, int columnOffset, String prefix) {
        try (JsonParser p = Json.mapper().createParser(text)) {
            try {
                if (p.nextToken() == null) {
                    return rejectedWhole(name, new InputError(name, 1 + lineOffset, 1 + columnOffset, prefix,
                            "the input is empty: expected a claims document (a JSON object), an array of them, or"
                                    + " JSON Lines"));
                }
                if (p.currentToken() == JsonToken.VALUE_NULL) {
                    JsonLocation at = p.currentTokenLocation();
                    return rejectedWhole(name, new InputError(name, at.getLineNr() + lineOffset,
                            at.getColumnNr() + (at.getLineNr() == 1 ? columnOffset : 0), prefix,
                            "expected " + expected(Document.class) + ", got null"));
                }
                Document doc = Json.mapper().readValue(p, Document.class);
                return new Batch(List.of(doc), List.of(), 1, 0);
            } catch (JsonProcessingException e) {
                List<InputError> errors;
                if (e instanceof ValueInstantiationException v && v.getCause() instanceof InvalidDocumentException invalid) {
                    errors = new ArrayList<>();
                    // One pass over the text locates every problem: a document with thousands of them must not be
                    // parsed again for each.
                    Locator.Index index = Locator.index(text);
                    for (InvalidDocumentException.Problem problem : invalid.problems()) {
                        String path = pathOf(v.getPath());
                        String relative = path.isEmpty() ? problem.path() : path.substring(1) + "." + problem.path();
                        errors.add(located(name, index.find(pointer("." + relative)), lineOffset, columnOffset,
                                prefix, "." + relative, null, problem.message()));
                    }
                } else if (e instanceof ValueInstantiationException v && v.getCause() instanceof IllegalArgumentException iae) {
                    // A record's compact constructor refused a value; point at the field its message names.
                    String path = pathOf(v.getPath());
                    String field = fieldNamed(iae.getMessage(), v.getType() == null ? null : v.getType().getRawClass());
                    errors = List.of(located(name, text, lineOffset, columnOffset, prefix,
                            field == null ? path : path + field, locate(text, path), iae.getMessage()));
                } else if (e instanceof UnrecognizedPropertyException u) {
                    // Jackson reports it where the object ends; point at the field itself.
                    InputError at = error(name, lineOffset, columnOffset, e, p, prefix);
                    JsonLocation field = Locator.findName(text, pointer(at.path().substring(prefix.length())));
                    errors = List.of(field == null ? at : new InputError(name, field.getLineNr() + lineOffset,
                            field.getColumnNr() + (field.getLineNr() == 1 ? columnOffset : 0), at.path(),
                            at.message()));
                } else {
                    errors = List.of(error(name, lineOffset, columnOffset, e, p, prefix));
                }
                return new Batch(List.of(), errors, 1, 1);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // reading a String cannot fail
        }
    }

    /** An error at a path relative to the document, located at its value, or at {@code fallback}, or unknown. */
    private static InputError located(String name, String text, int lineOffset, int columnOffset, String prefix,
                                      String path, JsonLocation fallback, String message) {
        return located(name, locate(text, path), lineOffset, columnOffset, prefix, path, fallback, message);
    }

    private static InputError located(String name, JsonLocation found, int lineOffset, int columnOffset,
                                      String prefix, String path, JsonLocation fallback, String message) {
        JsonLocation at = found;
        if (at == null) {
            at = fallback;
        }
        if (at == null || at.getLineNr() <= 0) {
            return new InputError(name, 0, 0, prefix + path, message);
        }
        int line = at.getLineNr();
        int column = at.getColumnNr() + (line == 1 ? columnOffset : 0);
        return new InputError(name, line + lineOffset, column, prefix + path, message);
    }

    /** Where the value at a path like {@code .claims[2].text} starts in a document's text, or null. */
    private static JsonLocation locate(String text, String path) {
        return Locator.find(text, pointer(path));
    }

    /** {@code .claims[2].text} as a JSON pointer, {@code /claims/2/text}. */
    private static String pointer(String path) {
        return path.replace("[", ".").replace("]", "").replace(".", "/");
    }

    /**
     * The field a constructor's message is about: the first unquoted word of the message that names a component of
     * the record ("claim 'c1' text is required" is about {@code .text}); "entities[2]" gives {@code .entities[2]}.
     */
    static String fieldNamed(String message, Class<?> type) {
        if (message == null || type == null || !type.isRecord()) {
            return null;
        }
        Set<String> components = new HashSet<>();
        for (RecordComponent c : type.getRecordComponents()) {
            components.add(c.getName());
        }
        Matcher m = WORD.matcher(message.replaceAll("'[^']*'", "''"));
        while (m.find()) {
            if (components.contains(m.group(1))) {
                return "." + m.group(1) + (m.group(2) == null ? "" : m.group(2));
            }
        }
        return null;
    }

    private static final Pattern WORD = Pattern.compile("([A-Za-z]+)(\\[\\d+])?");

    private static InputError error(String name, int lineOffset, int columnOffset, JsonProcessingException e,
                                    JsonParser p, String prefix) {
        JsonLocation at = e.getLocation();
        if (at == null || at.getLineNr() <= 0 || e instanceof StreamConstraintsException
                || causeOf(e, StreamConstraintsException.class) != null) {
            at = p.currentLocation(); // limits are reported without a location: the parser stopped where it was hit
        }
        int line = at == null ? 0 : Math.max(at.getLineNr(), 0);
        int column = at == null ? 0 : Math.max(at.getColumnNr(), 0) + (line == 1 ? columnOffset : 0);
        line = line == 0 ? 0 : line + lineOffset;
        String path;
        JsonParseException parse = causeOf(e, JsonParseException.class);
        if (causeOf(e, StreamConstraintsException.class) != null
                || parse != null && parse.getOriginalMessage().startsWith("Non-standard token")) {
            path = pathOf(p.getParsingContext(), false); // a bad value: the parser stands on it
        } else if (parse != null) {
            path = pathOf(p.getParsingContext(), true); // bad syntax between values: name the enclosing container
        } else if (e instanceof JsonMappingException m) {
            path = pathOf(m.getPath());
        } else {
            path = "";
        }
        return new InputError(name, line, column, prefix + shorten(path), explain(e, p));
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

    /** Paths of deeply nested input are cut after a few levels: the location says where. */
    private static String shorten(String path) {
        Matcher m = Pattern.compile("(\\.[^.\\[]+|\\[\\d+])").matcher(path);
        int n = 0;
        while (m.find()) {
            if (++n == 12) {
                return path.substring(0, m.end()) + "...";
            }
        }
        return path;
    }

    /**
     * The path where the parser stands: {@code .claims[1].quantity.value}; with {@code container}, the path of the
     * object or array it is in.
     */
    static String pathOf(JsonStreamContext context, boolean container) {
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (container && c == context && c.inObject()) {
                continue; // the field name inside this object may be the one the syntax error cut short
            }
            if (c.inArray()) {
                parts.add("[" + Math.max(c.getCurrentIndex(), 0) + "]");
            } else if (c.inObject() && c.getCurrentName() != null) {
                parts.add("." + c.getCurrentName());
            }
        }
        java.util.Collections.reverse(parts);
        return String.join("", parts);
    }

    private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** What a Jackson error means, in the words of Factlint's input errors. */
    public static String explain(JsonProcessingException e) {
        return explain(e, e.getProcessor() instanceof JsonParser p ? p : null);
    }

    /** The same, with the parser that failed: it says what was found where a value of another type belongs. */
    static String explain(JsonProcessingException e, JsonParser p) {
        StreamConstraintsException limit = causeOf(e, StreamConstraintsException.class);
        if (limit != null) {
            return limit(limit);
        }
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (original.startsWith("Trailing token")) {
            return "malformed JSON: " + syntax(original);
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
        if (e instanceof InvalidFormatException f && f.getTargetType() == String.class && f.getValue() == null) {
            return f.getOriginalMessage(); // a string that is not Unicode text (StrictStrings)
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() == java.time.LocalDate.class) {
            return (p == null || p.currentToken() == JsonToken.VALUE_STRING) && e instanceof InvalidFormatException f
                    ? "'" + f.getValue() + "' is not a date (expected YYYY-MM-DD)"
                    : "expected " + expected(java.time.LocalDate.class) + ", got " + found(p);
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() == java.time.Instant.class) {
            return (p == null || p.currentToken() == JsonToken.VALUE_STRING) && e instanceof InvalidFormatException f
                    ? "'" + f.getValue() + "' is not an instant (expected YYYY-MM-DDThh:mm:ssZ, in UTC)"
                    : "expected " + expected(java.time.Instant.class) + ", got " + found(p);
        }
        if (e instanceof ValueInstantiationException && e.getCause() != null) {
            return e.getCause().getMessage();
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return "expected " + expected(m.getTargetType()) + ", got " + found(p);
        }
        if (e instanceof JsonMappingException m && m.getCause() instanceof IllegalArgumentException iae
                && iae.getMessage() != null) {
            return iae.getMessage();
        }
        JsonParseException parse = causeOf(e, JsonParseException.class);
        String msg = (parse != null ? parse : e).getOriginalMessage();
        if (msg == null) {
            msg = e.getClass().getSimpleName();
        }
        msg = msg.split("\n")[0];
        if (parse != null || !(e instanceof JsonMappingException)) {
            return "malformed JSON: " + syntax(msg);
        }
        return msg.replace("org.factlint.model.", "").replace("java.lang.", "").replace("java.util.", "")
                .replace("java.time.", "");
    }

    private static final Pattern UNEXPECTED = Pattern.compile(
            "Unexpected character \\('(.+?)' \\(code (\\d+)\\)\\): (.*)", Pattern.DOTALL);

    /** Jackson's syntax messages, said plainly. */
    static String syntax(String msg) {
        if (msg.startsWith("Non-standard token '")) {
            String token = msg.substring(20, msg.indexOf('\'', 20));
            return token + " is not a JSON number (numbers must be finite)";
        }
        if (msg.startsWith("Unexpected end-of-input")) {
            String where = msg.contains("close marker for Object") ? "an object is not closed"
                    : msg.contains("close marker for Array") ? "an array is not closed"
                    : msg.contains("field name") ? "inside a field name"
                    : msg.contains("String value") ? "inside a string" : "inside a value";
            return "the input ends before the document is complete (" + where + "): is the file truncated?";
        }
        if (msg.startsWith("Trailing token")) {
            return "more content after the end of the document (one document or one array per file; use a .jsonl"
                    + " file for one document per line)";
        }
        if (msg.startsWith("Duplicate Object property") || msg.startsWith("Duplicate field")) {
            Matcher field = Pattern.compile("['\"`]([^'\"`]*)['\"`]").matcher(msg);
            return "field " + (field.find() ? "'" + field.group(1) + "' " : "") + "is given twice";
        }
        if (msg.startsWith("Illegal unquoted character")) {
            Matcher code = Pattern.compile("code (\\d+)").matcher(msg);
            String which = code.find() ? String.format(Locale.ROOT, " (U+%04X)", Integer.parseInt(code.group(1))) : "";
            return "a control character" + which + " inside a string must be escaped (write a line break as \\n)";
        }
        Matcher m = UNEXPECTED.matcher(msg);
        if (m.matches()) {
            String rest = m.group(3);
            if (rest.contains("comment")) {
                return "comments are not allowed in JSON";
            }
            rest = rest.replace("was expecting", "expected").replace("double-quote to start field name",
                    "a field name in double quotes").replaceAll("\\s*\\(JSON String, Number, Array, Object or token"
                    + " 'null', 'true' or 'false'\\)", " (a value)");
            return "unexpected character '" + m.group(1) + "': " + rest;
        }
        return msg;
    }

    /** Which of {@link Json}'s limits was hit, with the figures. */
    static String limit(StreamConstraintsException e) {
        String msg = e.getOriginalMessage();
        Matcher m = Pattern.compile("\\((\\d+)\\) exceeds the maximum allowed \\((\\d+)").matcher(msg);
        String figures = m.find() ? String.format(Locale.ROOT, "%,d", Long.parseLong(m.group(1))) + " > limit "
                + String.format(Locale.ROOT, "%,d", Long.parseLong(m.group(2))) : "";
        String lower = msg.toLowerCase(Locale.ROOT);
        if (lower.contains("nesting depth")) {
            return "input exceeds a limit: nested too deeply (" + figures + " levels, Json.MAX_NESTING_DEPTH)";
        }
        if (lower.contains("string value length")) {
            return "input exceeds a limit: string too long (" + figures + " characters, Json.MAX_STRING_LENGTH)";
        }
        if (lower.contains("number value length")) {
            return "input exceeds a limit: number too long (" + figures + " digits, Json.MAX_NUMBER_LENGTH)";
        }
        if (lower.contains("document length")) {
            return "input exceeds a limit: document too long (" + figures + " characters, Json.MAX_DOCUMENT_LENGTH)";
        }
        return "input exceeds a limit: " + msg.split("\n")[0];
    }

    /** What a target type looks like in JSON. */
    static String expected(Class<?> type) {
        if (type == Document.class) {
            return "a claims document (a JSON object with article, sources, entities, claims)";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type == java.time.LocalDate.class) {
            return "a date string (YYYY-MM-DD)";
        }
        if (type == java.time.Instant.class) {
            return "an instant string (YYYY-MM-DDThh:mm:ssZ)";
        }
        if (type.isRecord()) {
            String what = describe(type);
            return "an object (" + (what.matches("[aeiou].*") ? "an " : "a ") + what + ")";
        }
        return describe(type);
    }

    /** The token the parser stands on, for "got ..." in messages. */
    static String found(JsonParser p) {
        if (p == null) {
            return "a value of another type";
        }
        JsonToken t = p.currentToken();
        if (t == null) {
            return "the end of the input";
        }
        try {
            return switch (t) {
                case START_ARRAY -> "an array";
                case START_OBJECT -> "an object";
                case VALUE_STRING -> {
                    String s = p.getText();
                    yield "'" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "'";
                }
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + p.getText();
                case VALUE_TRUE -> "true";
                case VALUE_FALSE -> "false";
                case VALUE_NULL -> "null";
                default -> t.asString() == null ? t.name() : "'" + t.asString() + "'";
            };
        } catch (IOException e) {
            return t.name();
        }
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
