package org.factlint;

import java.io.IOException;
import org.factlint.model.Document;
import org.factlint.text.ArticleText;
import org.factlint.text.ArticleTextException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.factlint.io.DocumentReader;

/**
 * The front door. Read claims documents, build a checker once, check as often as you like:
 *
 * <pre>{@code
 * Checker checker = Factlint.checker();                       // the bundled default rule pack
 * Report report = checker.check(Factlint.read(Path.of("claims.json")));
 * for (Flag flag : report.flags()) {
 *     System.out.println(flag.severity() + " " + flag.code() + ": " + flag.message());
 * }
 * }</pre>
 */
public final class Factlint {
    private Factlint() {
    }

    /** A checker with the bundled default rule pack (loaded once per JVM from its prebuilt executable model). */
    public static Checker checker() {
        return new Checker(RulePack.bundled());
    }

    /** A checker with the pack in {@code rulesDir}; throws {@link RulePackException} if it does not compile. */
    public static Checker checker(Path rulesDir) throws IOException {
        return new Checker(RulePack.load(rulesDir));
    }

    /** A checker for a compiled pack, with the default {@link CheckerOptions}. */
    public static Checker checker(RulePack pack) {
        return new Checker(pack);
    }

    /** A checker for a compiled pack with its own firing and time limits. */
    public static Checker checker(RulePack pack, CheckerOptions options) {
        return new Checker(pack, options);
    }

    /**
     * A checker that compiles and runs the pack in {@code rulesDir} in a child JVM with a memory cap and a wall-clock
     * kill (see {@link IsolatedChecker}), for packs one does not trust at all: even a {@link Trust#TRUSTED} pack's
     * loops and memory exhaustion end only the child. Close it to end the child.
     *
     * @throws RulePackException if the pack does not pass verification or compile (in the child)
     */
    public static IsolatedChecker isolated(Path rulesDir, Trust trust, Isolation isolation) throws IOException {
        return IsolatedChecker.start(rulesDir, trust, isolation);
    }

    /** The bundled pack, checked in a child JVM (see {@link #isolated(Path, Trust, Isolation)}). */
    public static IsolatedChecker isolated(Isolation isolation) {
        return IsolatedChecker.bundled(isolation);
    }

    /**
     * Reads claims documents from files: a JSON document, a JSON array of documents, or JSON Lines
     * ({@code .jsonl}); article text ({@code .txt}, {@code .md}) goes through the text front end
     * ({@link ArticleText}). Bad documents do not throw: they are listed in {@link Batch#errors()} and the good ones
     * kept.
     *
     * @throws IOException if a file cannot be read at all
     */
    public static Batch read(Path... files) throws IOException {
        Batch batch = new Batch(java.util.List.of(), java.util.List.of(), 0, 0);
        for (Path file : files) {
            batch = batch.plus(ArticleText.isText(file) ? readText(file) : DocumentReader.read(file));
        }
        return batch;
    }

    /**
     * Reads claims documents for a rule pack: as {@link #read(Path...)}, but article text is read with the pack's
     * predicate table, so the verbs its rule authors listed name the predicates its rules join on.
     *
     * @throws IOException if a file cannot be read at all
     */
    public static Batch read(RulePack pack, Path... files) throws IOException {
        java.util.Objects.requireNonNull(pack, "pack");
        Batch batch = new Batch(java.util.List.of(), java.util.List.of(), 0, 0);
        for (Path file : files) {
            batch = batch.plus(ArticleText.isText(file) ? readText(file, pack) : DocumentReader.read(file));
        }
        return batch;
    }

    private static Batch readText(Path file) throws IOException {
        return readText(file, null);
    }

    private static Batch readText(Path file, RulePack pack) throws IOException {
        try {
            return Batch.of(java.util.List.of(pack == null ? ArticleText.read(file) : ArticleText.read(file, pack)));
        } catch (ArticleTextException e) {
            return unreadText(file, e);
        }
    }

    /**
     * Claims documents from a file's bytes read before (a canary's files, sent to an isolated checker's child), as
     * {@link #read(RulePack, Path...)} reads the file. Text must be UTF-8 ({@code IOException} if it is not).
     */
    static Batch read(RulePack pack, Path file, byte[] bytes) throws IOException {
        if (!ArticleText.isText(file)) {
            return DocumentReader.read(file.toString(), bytes);
        }
        try {
            return Batch.of(java.util.List.of(ArticleText.parse(file, strictUtf8(bytes), pack)));
        } catch (ArticleTextException e) {
            return unreadText(file, e);
        }
    }

    /** UTF-8, strictly (as {@code Files.readString} reads): invalid bytes are an {@code IOException}. */
    static String strictUtf8(byte[] bytes) throws IOException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    }

    private static Batch unreadText(Path file, ArticleTextException e) {
        return new Batch(java.util.List.of(), java.util.List.of(
                new InputError(file.toString(), e.line(), e.column(), "$", e.getMessage())), 1, 1);
    }

    /**
     * Extracts claims from an article's text file: the first line is the headline, optional front matter gives
     * outlet and date (see {@link ArticleText}).
     *
     * @throws IOException if the file cannot be read
     * @throws ArticleTextException if the text is not an article (blank headline, bad front matter)
     */
    public static Document extract(Path articleText) throws IOException {
        return ArticleText.read(articleText);
    }

    /** Extracts claims from article text given as a string (see {@link ArticleText#parse(String)}). */
    public static Document extract(String articleText) {
        return ArticleText.parse(articleText);
    }

    /** Reads claims documents from a JSON string (one document or an array). */
    public static Batch parse(String json) {
        return DocumentReader.readJson("<input>", json.getBytes(StandardCharsets.UTF_8));
    }
}
