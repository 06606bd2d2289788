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
 * @param problems rules that ran into a limit or threw during the check; when there are any, the flags are those
 *                 raised before the rules were stopped (see {@link #complete()})
 */
public record Report(List<Flag> flags, int read, int accepted, int rejected, int claims, List<InputError> errors,
                     List<CheckError> problems) {
    public Report {
        flags = flags.stream().sorted().toList();
        errors = List.copyOf(errors);
        problems = List.copyOf(problems);
        if (read != accepted + rejected) {
            throw new IllegalArgumentException("read (" + read + ") != accepted (" + accepted + ") + rejected ("
                    + rejected + ")");
        }
    }

    /** A report of a check in which no rule misbehaved. */
    public Report(List<Flag> flags, int read, int accepted, int rejected, int claims, List<InputError> errors) {
        this(flags, read, accepted, rejected, claims, errors, List.of());
    }

    /** True when every rule ran to the end: no limit was hit and no rule threw. */
    public boolean complete() {
        return problems.isEmpty();
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
