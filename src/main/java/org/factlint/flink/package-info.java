/**
 * Scale-out on Apache Flink: the bundled (or any) rule pack checked over an archive or a feed of claim documents on a
 * cluster, with the same flags as one {@link org.factlint.Checker} check. Flink is provided by the cluster; see
 * {@link org.factlint.flink.FlagJob} for the job and README.md ("Scale-out on Flink") for running it.
 *
 * <p>What must be checked together is the pack's knowledge: the components of its declared join keys
 * ({@code joins.csv}, read, never hard-coded): facts that share a value of a key, or meet through a chain of facts that
 * each share one, are in one component; reference data (entities) is copied to every component that uses it.
 *
 * <p><b>Archive mode</b> ({@link org.factlint.flink.Archive}) routes in parallel: {@link org.factlint.flink.Numberer}
 * (one task) numbers the input lines; {@link org.factlint.flink.Reader} (parallel) parses them;
 * {@link org.factlint.flink.Resolver} (one task) resolves names across the archive and what each document takes from those before it;
 * {@link org.factlint.flink.LineJoin} (parallel) puts each document's line, sent past the resolver, back beside it;
 * {@link org.factlint.flink.KeyHasher} (parallel) makes the facts and hashes their key values;
 * {@link org.factlint.flink.Placer} (one task) finds the components over the hashes and bins them into parts;
 * {@link org.factlint.flink.Assembler} (parallel) sends each document's facts to their parts, a record per part;
 * {@link org.factlint.flink.BinChecker} (parallel) checks each part once all of it has come.
 *
 * <p><b>Feed mode</b>: {@link org.factlint.flink.Router} (one task) loads each document after those before it and
 * sends every component it changed ({@link org.factlint.flink.Part}) to {@link org.factlint.flink.PartChecker}
 * (parallel), which checks it in a fresh rules session.
 *
 * <p>In both, the KieBase is built once per task in {@code open()}, never serialised, and no session outlives a part.
 * The {@link org.factlint.flink.FlagLedger} (parallel, keyed by article, RocksDB state) holds the flags each claim
 * holds and emits the changelog: a flag raised, changed or retracted, keyed by flag id. A part older than the one a
 * claim was last checked in is ignored, so a replay after a failure changes nothing.
 */
package org.factlint.flink;
