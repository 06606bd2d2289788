package org.factlint;

/** How much a flag matters to a desk editor, lowest first. */
public enum Severity {
    LOW, MEDIUM, HIGH;

    /** Reads "low", "Medium", "HIGH"; names the accepted values otherwise. */
    public static Severity parse(String text) {
        for (Severity s : values()) {
            if (s.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return s;
            }
        }
        throw new IllegalArgumentException("severity '" + text + "' is not one of: low, medium, high");
    }
}
