package org.factlint.flink;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;
import org.factlint.Checker;
import org.factlint.Factlint;
import org.factlint.Flag;
import org.factlint.Report;
import org.factlint.facts.ClaimFact;
import org.factlint.internal.Hooks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks each {@link Part} in a fresh rules session and reports, per article, what its claims in the part are
 * flagged with ({@link Snapshot}). Holds no Flink state: the rule pack and its KieBase are built once per task in
 * {@link #open}, never serialised, and each session lives only while its part is checked.
 *
 * <p>A part whose check fails (a rule throws, a limit is hit) sends nothing, so the flags its claims had stand; the
 * failure is logged and counted ({@code failedParts}).
 */
final class PartChecker extends RichFlatMapFunction<Part, Snapshot> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(PartChecker.class);

    private final String rulesDir;
    private transient Checker checker;
    private transient Counter failed;
    private transient Counter claimsChecked;

    PartChecker(String rulesDir) {
        this.rulesDir = rulesDir;
    }

    @Override
    public void open(OpenContext context) {
        checker = Factlint.checker(Packs.load(rulesDir));
        failed = getRuntimeContext().getMetricGroup().counter("failedParts");
        claimsChecked = getRuntimeContext().getMetricGroup().counter("claimsChecked");
    }

    @Override
    public void flatMap(Part part, Collector<Snapshot> out) {
        List<Object> facts = new ArrayList<>(part.facts.length);
        for (String f : part.facts) {
            facts.add(Codec.fact(f));
        }
        check(checker, facts, part.root, part.seq, failed, claimsChecked, out);
    }

    /**
     * Checks one part's facts in a fresh session and sends, per article, its claims' flags; nothing when the check
     * fails (logged and counted in {@code failed}).
     */
    static void check(Checker checker, List<Object> facts, long root, long seq, Counter failed, Counter claimsChecked,
                      Collector<Snapshot> out) {
        Map<String, List<String>> claimsOf = new LinkedHashMap<>(); // article -> its claims in this part
        for (Object fact : facts) {
            if (fact instanceof ClaimFact c) {
                claimsOf.computeIfAbsent(Codec.articleOf(c.id()), a -> new ArrayList<>()).add(c.id());
            }
        }
        int claims = claimsOf.values().stream().mapToInt(List::size).sum();
        // in this task's thread: the job's parallelism is its slots, not the checker's thread per core
        Report report = Hooks.checkFactsInOneSession(checker, facts, claims);
        if (!report.problems().isEmpty()) {
            failed.inc();
            LOG.error("part {} (seq {}, {} claims) was not checked: {}", root, seq, claims, report.problems());
            return;
        }
        claimsChecked.inc(claims);
        // A flag belongs to its first claim (a flag about no claim, to the part's first claim): the ledger keeps it
        // with that claim's article.
        String first = claimsOf.isEmpty() ? null : claimsOf.values().iterator().next().get(0);
        Map<String, List<Flag>> flagsOf = new LinkedHashMap<>();
        Map<Flag, String> ownerOf = new java.util.IdentityHashMap<>();
        for (Flag f : report.flags()) {
            String owner = f.claims().isEmpty() ? first : f.claims().get(0);
            if (owner == null) {
                continue; // a part without claims flags nothing any check would show
            }
            ownerOf.put(f, owner);
            flagsOf.computeIfAbsent(Codec.articleOf(owner), a -> new ArrayList<>()).add(f);
        }
        for (Map.Entry<String, List<String>> e : claimsOf.entrySet()) {
            List<Flag> mine = flagsOf.getOrDefault(e.getKey(), List.of());
            String[] ids = new String[mine.size()];
            String[] owners = new String[mine.size()];
            String[] json = new String[mine.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = Codec.id(mine.get(i));
                owners[i] = ownerOf.get(mine.get(i));
                json[i] = Codec.flag(mine.get(i));
            }
            out.collect(new Snapshot(e.getKey(), seq, e.getValue().toArray(String[]::new), ids, owners, json));
        }
    }
}
