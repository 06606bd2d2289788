package org.factlint.store;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The CPU time of one add, phase by phase, on the adding thread (SQLite runs in that thread; a PostgreSQL server's
 * work is its own process and not counted). Kept for the debug log and the benchmarks' probes: where an add's time
 * goes, measured as CPU time so that a loaded machine does not inflate it.
 */
final class Phases {
    /** The phases of an add, in the order they run. */
    enum Phase {
        /** digest, document row, sources */
        PREPARE,
        /** load the new facts, names, write facts and keys */
        PLACE,
        /** read stored facts (SQL and parse) */
        READ,
        /** key values of read facts, lookups */
        EXPAND,
        /** stored flags reached, supports */
        FLAGS,
        /** session: build, insert, fire */
        SESSION,
        /** scopes of the flags */
        SCOPES,
        /** record flags */
        RECORD,
        COMMIT
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private final long[] nanos = new long[Phase.values().length];
    /** Stored claims read, by what brought them (a key of the new facts, the closure, flags' scopes). */
    private final Map<String, Integer> claimsBy = new java.util.TreeMap<>();
    private long last;

    Phases() {
        last = now();
    }

    private static long now() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    /** Counts the CPU time since the last lap to {@code p}. */
    void lap(Phase p) {
        long t = now();
        nanos[p.ordinal()] += t - last;
        last = t;
    }

    /** Counts a stored claim read for the check, to what brought it. */
    void brought(String by) {
        claimsBy.merge(by, 1, Integer::sum);
    }

    /** Stored claims read, by what brought them: which declared key of the new facts, or what came after. */
    Map<String, Integer> claimsBy() {
        return java.util.Collections.unmodifiableMap(claimsBy);
    }

    /** Phase label to CPU nanoseconds. */
    Map<String, Long> byPhase() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Phase p : Phase.values()) {
            out.put(p.name().toLowerCase(java.util.Locale.ROOT), nanos[p.ordinal()]);
        }
        return out;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        byPhase().forEach((phase, ns) -> sb.append(sb.length() > 0 ? ", " : "").append(phase).append(' ')
                .append(String.format(java.util.Locale.ROOT, "%.1f", ns / 1e6)).append(" ms"));
        return sb.append(" (CPU)").toString();
    }
}
