package org.factlint.model;

/** A character range [start, end) in the article text. */
public record Span(int start, int end) {
    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("span [" + start + ", " + end + "] must have 0 <= start <= end");
        }
    }
}
