package org.factlint;

/**
 * Whether a rule pack may run arbitrary Java. A pack is code: its consequences and functions run inside the
 * embedding application. {@link #CHECKED} packs (the default) are rejected when their DRL reaches for processes,
 * files, the network, reflection, threads, class loading or {@code System.exit}; only imports from an allow-list are
 * accepted. Choose {@link #TRUSTED} only for packs your own team writes and reviews.
 */
public enum Trust {
    /** Reject DRL that reaches outside the rule engine (the default). */
    CHECKED,
    /** Compile whatever the pack says. */
    TRUSTED
}
