package org.factlint.model;

import java.time.LocalDate;
import org.factlint.internal.Check;

/**
 * When the claimed event happens: one day ({@code from == to}) or a period, both ends inclusive, within
 * [{@link #EARLIEST}, {@link #LATEST}].
 */
public record EventTime(LocalDate from, LocalDate to) {
    /**
     * Earliest date accepted anywhere in a document (event times, publication dates). News claims about earlier
     * events are out of scope; a year like 0023 or 20230 is almost always a typing or extraction error, and a bounded
     * range keeps date arithmetic in the rules far from overflow.
     */
    public static final LocalDate EARLIEST = LocalDate.of(1800, 1, 1);
    /** Latest date accepted anywhere in a document: planned events may lie ahead, not centuries ahead. */
    public static final LocalDate LATEST = LocalDate.of(2200, 12, 31);

    public EventTime {
        Check.required(from, "event time: from");
        Check.date(from, EARLIEST, LATEST, "event time: from");
        if (to == null) {
            to = from;
        }
        Check.date(to, EARLIEST, LATEST, "event time: to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("event period ends (" + to + ") before it starts (" + from + ")");
        }
    }

    public static EventTime on(LocalDate day) {
        return new EventTime(day, day);
    }
}
