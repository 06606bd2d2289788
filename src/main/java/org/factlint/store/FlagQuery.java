package org.factlint.store;

import java.time.Duration;
import java.util.Objects;
import org.factlint.Severity;

/**
 * Which stored flags to list: {@code FlagQuery.open().code("UNC-HEDGED").olderThan(Duration.ofHours(24))}.
 * Every condition left out matches everything.
 *
 * @param openOnly  only flags not retracted
 * @param code      only this rule code
 * @param severity  only flags at least this severe
 * @param source    only flags whose sources include this source id
 * @param olderThan only flags raised longer ago than this, on the store's clock
 */
public record FlagQuery(boolean openOnly, String code, Severity severity, String source, Duration olderThan) {
    public FlagQuery {
        if (olderThan != null && olderThan.isNegative()) {
            throw new IllegalArgumentException("olderThan must not be negative: " + olderThan);
        }
    }

    /** Every flag, open or retracted. */
    public static FlagQuery all() {
        return new FlagQuery(false, null, null, null, null);
    }

    /** The open flags. */
    public static FlagQuery open() {
        return new FlagQuery(true, null, null, null, null);
    }

    public FlagQuery code(String code) {
        return new FlagQuery(openOnly, Objects.requireNonNull(code, "code"), severity, source, olderThan);
    }

    public FlagQuery atLeast(Severity severity) {
        return new FlagQuery(openOnly, code, Objects.requireNonNull(severity, "severity"), source, olderThan);
    }

    public FlagQuery source(String source) {
        return new FlagQuery(openOnly, code, severity, Objects.requireNonNull(source, "source"), olderThan);
    }

    public FlagQuery olderThan(Duration age) {
        return new FlagQuery(openOnly, code, severity, source, Objects.requireNonNull(age, "age"));
    }
}
