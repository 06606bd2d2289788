package org.factlint;

/**
 * Why an input document was rejected, located like a compiler error.
 *
 * @param file   the file name as given, or {@code <input>}
 * @param line   1-based line, 0 when unknown
 * @param column 1-based column, 0 when unknown
 * @param path   JSON path of the offending value ({@code $.claims[2].attribution[0].source}), or {@code $}
 */
public record InputError(String file, int line, int column, String path, String message) {
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + path + ": " + message;
    }
}
