package org.factlint.model;

import java.time.LocalDate;
import org.factlint.internal.Check;

/** When the claimed event happens: one day ({@code from == to}) or a period, both ends inclusive. */
public record EventTime(LocalDate from, LocalDate to) {
    public EventTime {
        Check.required(from, "event time 'from'");
        if (to == null) {
            to = from;
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("event period ends (" + to + ") before it starts (" + from + ")");
        }
    }

    public static EventTime on(LocalDate day) {
        return new EventTime(day, day);
    }
}
