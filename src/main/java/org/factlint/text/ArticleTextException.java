package org.factlint.text;

/**
 * Article text that cannot be read as an article: a blank headline, unterminated front matter, an unknown front-matter
 * key or a bad date. Carries the line and column (1-based) of the culprit.
 */
public final class ArticleTextException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;

    public ArticleTextException(int line, int column, String message) {
        super(message);
        this.line = line;
        this.column = column;
    }

    /** 1-based line of the problem in the input. */
    public int line() {
        return line;
    }

    /** 1-based column of the problem in the input. */
    public int column() {
        return column;
    }
}
