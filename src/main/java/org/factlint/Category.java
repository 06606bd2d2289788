package org.factlint;

/** What kind of problem a flag reports. */
public enum Category {
    /** An assertion nobody independent has confirmed, or that its own text leaves open. */
    UNCONFIRMED,
    /** The same fact told two incompatible ways. */
    CONTRADICTION,
    /** An article disagreeing with itself in form: one person spelled two ways. */
    CONSISTENCY,
    /**
     * The input itself: a relation that names a claim of a document nobody checked. Reports show these as warnings
     * ({@link Report#warnings()}), apart from the flags about the news.
     */
    INPUT;

    public static Category parse(String text) {
        for (Category c : values()) {
            if (c.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return c;
            }
        }
        throw new IllegalArgumentException("category '" + text + "' is not one of: unconfirmed, contradiction, consistency, input");
    }
}
