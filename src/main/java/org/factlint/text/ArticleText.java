package org.factlint.text;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.factlint.model.Document;

/**
 * Reads an article's plain text into a claims {@link Document}, so every rule applies to text nobody has extracted
 * claims from by hand:
 *
 * <pre>{@code
 * Document doc = ArticleText.parse("""
 *         ---
 *         outlet: The Moscow Times
 *         date: 2023-05-08
 *         ---
 *         Putin Invited the President of Turkmenistan to the Victory Parade in Moscow
 *
 *         On May 5, Putin called up Tajik President Emomali Rahmon ...""");
 * Report report = Factlint.checker().check(doc);
 * }</pre>
 *
 * The first line is the headline. Optional front matter between {@code ---} lines gives {@code outlet},
 * {@code date} (YYYY-MM-DD, the year for dates such as "May 9"), {@code url} and {@code id}. Without an outlet, a
 * closing "Source: The Moscow Times" line names it, and what follows that line (comment forms, site boilerplate) is
 * not read. Claims keep their character spans in the article text (the text after the front matter).
 *
 * <p>Sentences, tokens, part-of-speech tags and lemmas come from Apache OpenNLP's English models on the classpath;
 * attribution, cues, figures, dates and names from heuristics and the word lists next to this class. The result is a
 * draft: {@code factlint extract} prints it as JSON for a person to correct. Thread-safe.
 */
public final class ArticleText {
    private static final Set<String> KEYS = Set.of("outlet", "date", "url", "id");
    private static final Pattern TRAILER = Pattern.compile("(?m)^[ \\t]*Source[ \\t]*:[ \\t]*(\\S[^\\n]*?)[ \\t]*$");

    private ArticleText() {
    }

    /** Reads article text with the id {@code article} (unless its front matter gives one). */
    public static Document parse(String text) {
        return parse(text, "article");
    }

    /**
     * Reads article text.
     *
     * @param defaultId the article id unless the front matter gives one
     * @throws ArticleTextException if the headline is blank or the front matter is malformed
     */
    public static Document parse(String text, String defaultId) {
        return parse(text, defaultId, Tables.DEFAULT);
    }

    /** Reads article text with other tables (a pack's predicate table, {@link Tables#with}). */
    static Document parse(String text, String defaultId, Tables tables) {
        if (text == null) {
            throw new IllegalArgumentException("article text is required");
        }
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        t = t.replace("\r\n", "\n");
        refuseNonText(t);
        Map<String, String> meta = new LinkedHashMap<>();
        int bodyStart = frontMatter(t, meta);
        String body = t.substring(bodyStart);
        int leading = body.length() - body.stripLeading().length();
        body = body.substring(leading);
        int lineOffset = (int) t.substring(0, bodyStart + leading).chars().filter(c -> c == '\n').count();
        if (body.isBlank()) {
            throw new ArticleTextException(lineOffset + 1, 1, "the article has no text: the first line must be the"
                    + " headline");
        }
        LocalDate date = null;
        if (meta.containsKey("date")) {
            try {
                date = LocalDate.parse(meta.get("date"));
            } catch (DateTimeParseException e) {
                throw new ArticleTextException(line(t, "date"), 1, "front matter: '" + meta.get("date")
                        + "' is not a date (expected YYYY-MM-DD)");
            }
        }
        int end = body.length();
        String outlet = meta.get("outlet");
        Matcher trailer = TRAILER.matcher(body);
        if (trailer.find() && trailer.start() > 0) {
            end = trailer.start();
            if (outlet == null) {
                outlet = trailer.group(1);
            }
        }
        while (end > 0 && Character.isWhitespace(body.charAt(end - 1))) {
            end--;
        }
        if (outlet == null) {
            outlet = "Unknown outlet";
        }
        String id = meta.getOrDefault("id", defaultId);
        if (!id.matches("[A-Za-z0-9][A-Za-z0-9_.\\-]*")) {
            throw new ArticleTextException(meta.containsKey("id") ? line(t, "id") : 1, 1, "article id '" + id
                    + "' is not a valid id (letters, digits, '_', '.', '-'; starting with a letter or digit)");
        }
        try {
            return new Extractor(tables, id, body, date).extract(outlet, meta.get("url"), end);
        } catch (ArticleTextException e) {
            throw new ArticleTextException(e.line() + lineOffset, e.column(), e.getMessage());
        }
    }

    /**
     * Reads an article text file (UTF-8). The article id is the front matter's {@code id}, else the file name
     * without its extension.
     *
     * @throws IOException if the file cannot be read
     * @throws ArticleTextException if it is not an article (see {@link #parse(String, String)})
     */
    public static Document read(Path file) throws IOException {
        return read(file, Tables.DEFAULT);
    }

    /**
     * Reads an article text file for a rule pack: verbs are named with the pack's predicate table (its {@code verb}
     * and {@code synonym} rows) rather than the bundled one, so a verb form a rule author adds is read from text too.
     *
     * @throws IOException if the file cannot be read
     * @throws ArticleTextException if it is not an article (see {@link #parse(String, String)})
     */
    public static Document read(Path file, org.factlint.RulePack pack) throws IOException {
        return read(file, tablesFor(pack));
    }

    /** Reads article text for a rule pack ({@link #read(Path, org.factlint.RulePack)}). */
    public static Document parse(String text, String defaultId, org.factlint.RulePack pack) {
        return parse(text, defaultId, tablesFor(pack));
    }

    /**
     * Reads article text already in memory for a rule pack, with the id a file of that name gets
     * ({@link #read(Path, org.factlint.RulePack)}): the front matter's {@code id}, else the name without its extension.
     */
    public static Document parse(Path fileName, String text, org.factlint.RulePack pack) {
        String name = fileName.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return parse(text, Extractor.slug(dot > 0 ? name.substring(0, dot) : name), tablesFor(pack));
    }

    private static Document read(Path file, Tables tables) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String id = Extractor.slug(dot > 0 ? name.substring(0, dot) : name);
        return parse(text, id, tables);
    }

    /** The pack's predicate table read once per pack (a pack is immutable). */
    private static final Map<org.factlint.RulePack, Tables> BY_PACK =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    private static Tables tablesFor(org.factlint.RulePack pack) {
        if (pack == null) {
            return Tables.DEFAULT;
        }
        return BY_PACK.computeIfAbsent(pack, p -> Tables.DEFAULT.with(PredicateForms.of(p.predicateTerms())));
    }

    /** True for file names the text front end reads: {@code .txt}, {@code .md}, {@code .text}, {@code .markdown}. */
    public static boolean isText(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".txt") || name.endsWith(".md") || name.endsWith(".text") || name.endsWith(".markdown");
    }

    /**
     * Binary data and JSON are not article text: turned into claims they would give nonsense, so they are refused
     * with where the problem is. Binary: a NUL or another control character (other than tab, line feed, carriage
     * return, form feed). JSON: the text opens with '{' or '[' and reads as JSON from start to end.
     */
    private static void refuseNonText(String t) {
        int line = 1;
        int col = 1;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '\n') {
                line++;
                col = 1;
                continue;
            }
            if (Character.isISOControl(c) && c != '\t' && c != '\r' && c != '\f' || c == '\uFFFD' && i < 1024) {
                throw new ArticleTextException(line, col, String.format(Locale.ROOT, "this is not article text:"
                        + " character U+%04X at line %d, column %d is binary data", (int) c, line, col));
            }
            col++;
        }
        String s = t.stripLeading();
        if (s.startsWith("{") || s.startsWith("[")) {
            try (var p = new com.fasterxml.jackson.databind.ObjectMapper().createParser(s)) {
                while (p.nextToken() != null) {
                    // reads to the end: only a whole JSON value is refused
                }
                throw new ArticleTextException(1, 1, "this is JSON, not article text: give claims JSON a .json"
                        + " file name (factlint check reads it as claims)");
            } catch (java.io.IOException notJson) {
                // text that merely starts with a bracket
            }
        }
    }

    /** Parses "---" front matter into {@code meta}; returns where the body starts. */
    private static int frontMatter(String t, Map<String, String> meta) {
        if (!t.startsWith("---\n")) {
            return 0;
        }
        if (!Pattern.compile("(?m)^---[ \\t]*$").matcher(t).region(4, t.length()).find()) {
            throw new ArticleTextException(1, 1, "front matter opened with '---' on line 1 is never closed"
                    + " (expected a line '---')");
        }
        int pos = 4;
        int line = 2;
        while (true) {
            int nl = t.indexOf('\n', pos);
            String l = nl < 0 ? t.substring(pos) : t.substring(pos, nl);
            if (l.strip().equals("---")) {
                return nl < 0 ? t.length() : nl + 1;
            }
            if (nl < 0) {
                throw new ArticleTextException(1, 1, "front matter opened with '---' on line 1 is never closed"
                        + " (expected a line '---')");
            }
            if (!l.isBlank() && !l.stripLeading().startsWith("#")) {
                int colon = l.indexOf(':');
                if (colon <= 0) {
                    throw new ArticleTextException(line, 1, "front matter: expected 'key: value', found '" + l + "'");
                }
                String key = l.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                String value = l.substring(colon + 1).strip();
                if (!KEYS.contains(key)) {
                    throw new ArticleTextException(line, 1, "front matter: unknown key '" + key
                            + "' (expected one of: date, id, outlet, url)");
                }
                if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                        || value.startsWith("'") && value.endsWith("'"))) {
                    value = value.substring(1, value.length() - 1);
                }
                if (value.isEmpty()) {
                    throw new ArticleTextException(line, colon + 2, "front matter: '" + key + "' has no value");
                }
                meta.put(key, value);
            }
            pos = nl + 1;
            line++;
        }
    }

    private static int line(String t, String key) {
        String[] lines = t.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].strip().toLowerCase(Locale.ROOT).startsWith(key + ":")) {
                return i + 1;
            }
        }
        return 1;
    }
}
