package org.factlint.internal;

import java.util.List;
import java.util.regex.Pattern;

/** Argument checks for compact constructors; messages name the field and quote the offender. Not API. */
public final class Check {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.\\-]*");

    private Check() {
    }

    public static String id(String value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " is required");
        }
        if (!ID.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " " + quote(value)
                    + " is not a valid id (letters, digits, '_', '.', '-'; starting with a letter or digit)");
        }
        return value;
    }

    /** A value quoted in a message: at most 60 characters, control characters escaped, its length given when cut. */
    public static String quote(String value) {
        String shown = value.length() <= 60 ? value : value.substring(0, 60);
        shown = org.factlint.io.Printable.of(shown);
        return "'" + shown + (value.length() <= 60 ? "'" : "...' (" + String.format(java.util.Locale.ROOT, "%,d",
                value.length()) + " characters)");
    }

    public static String text(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is required and must not be blank");
        }
        return value;
    }

    /** A date within [{@code earliest}, {@code latest}]; null passes (callers require it separately). */
    public static java.time.LocalDate date(java.time.LocalDate value, java.time.LocalDate earliest,
                                           java.time.LocalDate latest, String what) {
        if (value != null && (value.isBefore(earliest) || value.isAfter(latest))) {
            throw new IllegalArgumentException(what + " " + value + " is out of range (" + earliest + " .. " + latest
                    + ")");
        }
        return value;
    }

    public static <T> T required(T value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " is required");
        }
        return value;
    }

    public static String optionalText(String value, String what) {
        if (value != null && value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank when given");
        }
        return value;
    }

    /** An immutable copy, empty for null, rejecting null elements. */
    public static <T> List<T> list(List<T> values, String what) {
        if (values == null) {
            return List.of();
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                throw new IllegalArgumentException(what + "[" + i + "] must not be null");
            }
        }
        return List.copyOf(values);
    }
}
