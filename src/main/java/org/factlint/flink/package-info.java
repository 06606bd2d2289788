/**
 * Scale-out on Apache Flink: the bundled (or any) rule pack checked over an archive or a feed of claim documents on a
 * cluster, with the same flags as one {@link org.factlint.Checker} check. Flink is provided by the cluster; see
 * {@link org.factlint.flink.FlagJob} for the job and README.md ("Scale-out on Flink") for running it.
 *
 * <p>The job, stage by stage:
 * <ol>
 * <li><b>documents</b>: JSON claim documents, one per line, from files ({@code FileSource}) or a Kafka topic;</li>
 * <li><b>{@link org.factlint.flink.Router}</b> (one task): loads each document's facts (names resolve across the
 *     whole input, as in one check) and places them into components with the pack's declared join keys
 *     ({@code joins.csv}, read, never hard-coded): facts that share a value of a key, or meet through a chain of
 *     facts that each share one (a cue reached through its claim, a claim reached through its event), are in one
 *     component; reference data (entities) is copied to every component that uses it. It sends each component to
 *     be checked as a {@link org.factlint.flink.Part}, keyed by the component's root: all of it at the end of an
 *     archive, or, following a feed, every component a new document changed;</li>
 * <li><b>{@link org.factlint.flink.PartChecker}</b> (parallel): checks a part in a fresh rules session (the KieBase
 *     is built once per task in {@code open()}, never serialised, and no session outlives a part);</li>
 * <li><b>{@link org.factlint.flink.FlagLedger}</b> (parallel, keyed by article, RocksDB state): the flags each
 *     claim holds; emits the changelog: a flag raised, changed or retracted, keyed by flag id. A part older than the
 *     one a claim was last checked in is ignored, so a replay after a failure changes nothing.</li>
 * </ol>
 */
package org.factlint.flink;
