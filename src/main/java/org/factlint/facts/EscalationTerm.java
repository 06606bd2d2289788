package org.factlint.facts;

import org.factlint.Severity;

/**
 * A row of a pack's escalation table ({@code escalation.csv}): a flag of this code, or else of this severity, on a
 * claim still unconfirmed {@code hours} after it was published escalates. A row names a code or a severity, not both;
 * a code's row wins over its severity's.
 *
 * @param code     the flag code the row applies to, or null for a row by severity
 * @param severity the severity the row applies to, or null for a row by code
 * @param hours    hours after publication, at least 1
 * @param millis   the same in milliseconds, as rules compare with the clock
 */
@org.kie.api.definition.type.ClassReactive // never modified in working memory
public record EscalationTerm(String code, Severity severity, int hours, long millis) {
    public EscalationTerm {
        if ((code == null) == (severity == null)) {
            throw new IllegalArgumentException("an escalation row names a code or a severity, not both or neither");
        }
        if (hours < 1) {
            throw new IllegalArgumentException("hours must be at least 1, was " + hours);
        }
        millis = hours * 3_600_000L;
    }

    public static EscalationTerm of(String code, Severity severity, int hours) {
        return new EscalationTerm(code, severity, hours, 0);
    }
}
