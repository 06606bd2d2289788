package org.factlint;

import java.util.List;

/**
 * What a check found: the flags, most severe first, with counts that add up
 * ({@code read == accepted + rejected}) and every rejected input with its reason.
 *
 * @param flags    sorted by {@link Flag#compareTo}
 * @param read     documents found in the input
 * @param accepted documents checked
 * @param rejected documents not checked; their reasons are in {@code errors}
 * @param claims   claims checked
 * @param errors   why inputs were rejected, located
 */
public record Report(List<Flag> flags, int read, int accepted, int rejected, int claims, List<InputError> errors) {
    public Report {
        flags = flags.stream().sorted().toList();
        errors = List.copyOf(errors);
        if (read != accepted + rejected) {
            throw new IllegalArgumentException("read (" + read + ") != accepted (" + accepted + ") + rejected ("
                    + rejected + ")");
        }
    }

    /** The flags at or above a severity. */
    public List<Flag> flagsAtLeast(Severity severity) {
        return flags.stream().filter(f -> f.severity().compareTo(severity) >= 0).toList();
    }

    /** The flags a rule code raised. */
    public List<Flag> flags(String code) {
        return flags.stream().filter(f -> f.code().equals(code)).toList();
    }
}
