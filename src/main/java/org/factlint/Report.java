package org.factlint;

import java.util.List;

/**
 * What a check found: the flags, most severe first, with counts that add up
 * ({@code read == accepted + rejected}) and every rejected input with its reason.
 *
 * @param flags    sorted by {@link Flag#compareTo}; every flag the rules raised, the {@linkplain #warnings() warnings}
 *                 about the input among them
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

    /**
     * The warnings about the input: flags of category {@link Category#INPUT}, such as a relation to a claim that is
     * not among the documents checked (not in the batch, the desk session or the store). They are in {@link #flags()}
     * too; the report writers show them apart, as warnings.
     */
    public List<Flag> warnings() {
        return flags.stream().filter(f -> f.category() == Category.INPUT).toList();
    }

    /** The flags about the news: {@link #flags()} without the {@link #warnings()}. */
    public List<Flag> findings() {
        return flags.stream().filter(f -> f.category() != Category.INPUT).toList();
    }

    /** The flags a rule code raised. */
    public List<Flag> flags(String code) {
        return flags.stream().filter(f -> f.code().equals(code)).toList();
    }
}
