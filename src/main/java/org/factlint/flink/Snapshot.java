package org.factlint.flink;

/**
 * What one check found for one article's claims in one part: for each claim checked, the flags whose first claim it
 * is. The ledger replaces those claims' flags with these unless it has seen a later part of them. A Flink POJO.
 */
public final class Snapshot {
    public String article;
    public long seq;
    /** The article's claims the part held (qualified ids). */
    public String[] claims;
    /** Their flags as JSON, each with the same index in {@link #ids}. */
    public String[] flags;
    public String[] ids;
    /** The claim each flag belongs to: its first. */
    public String[] owners;

    public Snapshot() {
    }

    Snapshot(String article, long seq, String[] claims, String[] ids, String[] owners, String[] flags) {
        this.article = article;
        this.seq = seq;
        this.claims = claims;
        this.ids = ids;
        this.owners = owners;
        this.flags = flags;
    }
}
