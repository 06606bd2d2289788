package org.factlint;

/**
 * A problem in a rule pack, located like a compiler error: {@code contradictions.drl:12:7: message}.
 *
 * @param file   path of the file relative to the pack directory; empty for a problem of the whole pack
 * @param line   1-based line, 0 when unknown
 * @param column 1-based column, 0 when unknown
 */
public record RuleProblem(String file, int line, int column, String message) {
    @Override
    public String toString() {
        return file.isEmpty() ? message : file + ":" + line + ":" + column + ": " + message;
    }
}
