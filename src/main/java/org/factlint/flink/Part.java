package org.factlint.flink;

/**
 * One component of the input to check in one rules session: every fact that a rule of the pack could join with
 * another of them, and the reference data they use. A Flink POJO (public fields, no-argument constructor).
 */
public final class Part {
    /** The component's id: the router's number of its first fact; what the checkers are keyed by. */
    public long root;
    /** The router's sequence number when the part was cut: later parts of a claim supersede earlier ones. */
    public long seq;
    /** The facts, {@link Codec#fact(Object) encoded}, in the order they were loaded. */
    public String[] facts;

    public Part() {
    }

    Part(long root, long seq, String[] facts) {
        this.root = root;
        this.seq = seq;
        this.facts = facts;
    }
}
