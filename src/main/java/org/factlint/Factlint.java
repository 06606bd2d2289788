package org.factlint;

import java.io.IOException;
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

    /** A checker with the bundled default rule pack (compiled once per JVM). */
    public static Checker checker() {
        return new Checker(RulePack.bundled());
    }

    /** A checker with the pack in {@code rulesDir}; throws {@link RulePackException} if it does not compile. */
    public static Checker checker(Path rulesDir) throws IOException {
        return new Checker(RulePack.load(rulesDir));
    }

    public static Checker checker(RulePack pack) {
        return new Checker(pack);
    }

    /**
     * Reads claims documents from files: a JSON document, a JSON array of documents, or JSON Lines
     * ({@code .jsonl}). Bad documents do not throw: they are listed in {@link Batch#errors()} and the good ones
     * kept.
     *
     * @throws IOException if a file cannot be read at all
     */
    public static Batch read(Path... files) throws IOException {
        Batch batch = new Batch(java.util.List.of(), java.util.List.of(), 0, 0);
        for (Path file : files) {
            batch = batch.plus(DocumentReader.read(file));
        }
        return batch;
    }

    /** Reads claims documents from a JSON string (one document or an array). */
    public static Batch parse(String json) {
        return DocumentReader.readJson("<input>", json.getBytes(StandardCharsets.UTF_8));
    }
}
