package org.factlint;

import java.util.List;
import java.util.Objects;

/**
 * A rule pack that misbehaved during a check: it ran into a limit or threw. A report with such a problem is
 * incomplete: its flags are those raised before the rules were stopped.
 *
 * @param kind    what went wrong
 * @param rule    the rule at fault (for a limit: the rule that fired most, usually the looping one)
 * @param claims  qualified ids of the claims the rule was working on, if known
 * @param message what happened, with the figures
 * @param where   the rule's place in the pack, {@code file:line} ({@code "unconfirmed.drl:42"}), or empty if unknown
 */
public record CheckError(Kind kind, String rule, List<String> claims, String message, String where) {
    /** What went wrong. */
    public enum Kind {
        /** More than {@link CheckerOptions#maxFirings()} rule firings: a rule probably loops. */
        FIRING_LIMIT,
        /** Rules were still firing after {@link CheckerOptions#timeLimit()}. */
        TIME_LIMIT,
        /** A rule threw an exception; the other rules went on firing. */
        RULE_FAILED
    }

    public CheckError {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(rule, "rule");
        claims = List.copyOf(claims);
        Objects.requireNonNull(message, "message");
        where = where == null ? "" : where;
    }

    /** A problem not yet placed in the pack's files. */
    public CheckError(Kind kind, String rule, List<String> claims, String message) {
        this(kind, rule, claims, message, "");
    }

    @Override
    public String toString() {
        return "rule \"" + rule + "\"" + (where.isEmpty() ? "" : " (" + where + ")") + ": " + message;
    }
}
