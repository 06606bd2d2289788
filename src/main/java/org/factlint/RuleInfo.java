package org.factlint;

/**
 * A rule of a pack and what its metadata declares. Rules that only derive facts (no {@code @code}) have null
 * code, category and severity.
 */
public record RuleInfo(String name, String file, int line, String code, Category category, Severity severity,
                       String message) {
    /** True for rules that raise flags. */
    public boolean flags() {
        return code != null;
    }
}
