package org.factlint.flink;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.factlint.Checker;
import org.factlint.Factlint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Archive mode's checks, in parallel, keyed by part: a part's facts (a record per document) are kept in map state
 * until as many have come as {@link Placer} said it gets ({@link Archive.BinSize}); then it is checked in a fresh
 * session, its facts inserted in load order, and its state cleared. Parts are checked as they fill, while others are
 * still being assembled. The KieBase is built once per task in {@link #open}, never serialised; no session is kept.
 */
final class BinChecker extends KeyedCoProcessFunction<Integer, Archive.PartFact, Archive.BinSize, Snapshot> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(BinChecker.class);
    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();
    /** Every part of an archive is checked once: its claims' flags come from that check alone. */
    static final long SEQ = 1;

    private final String rulesDir;
    private transient Checker checker;
    private transient Counter failed;
    private transient Counter claimsChecked;
    /** By {@link Archive.PartFact#order}: one RocksDB entry per record, as in {@link Placer}. */
    private transient MapState<Long, Archive.PartFact> facts;
    private transient ValueState<Integer> received;
    private transient ValueState<Integer> expected;

    BinChecker(String rulesDir) {
        this.rulesDir = rulesDir;
    }

    @Override
    public void open(OpenContext context) {
        checker = Factlint.checker(Packs.load(rulesDir));
        failed = getRuntimeContext().getMetricGroup().counter("failedParts");
        claimsChecked = getRuntimeContext().getMetricGroup().counter("claimsChecked");
        facts = getRuntimeContext().getMapState(new MapStateDescriptor<>("facts", Long.class, Archive.PartFact.class));
        received = getRuntimeContext().getState(new ValueStateDescriptor<>("received", Integer.class));
        expected = getRuntimeContext().getState(new ValueStateDescriptor<>("expected", Integer.class));
    }

    @Override
    public void processElement1(Archive.PartFact f, Context ctx, Collector<Snapshot> out) throws Exception {
        facts.put(f.order, f);
        Integer r = received.value();
        int now = (r == null ? 0 : r) + f.facts.length;
        received.update(now);
        Integer e = expected.value();
        if (e != null && e == now) {
            check(ctx.getCurrentKey(), out);
        }
    }

    @Override
    public void processElement2(Archive.BinSize s, Context ctx, Collector<Snapshot> out) throws Exception {
        expected.update(s.facts);
        Integer r = received.value();
        if (r != null && r == s.facts) {
            check(ctx.getCurrentKey(), out);
        }
    }

    private void check(int bin, Collector<Snapshot> out) throws Exception {
        long cpu0 = LOG.isDebugEnabled() ? THREADS.getCurrentThreadCpuTime() : 0;
        List<Archive.PartFact> mine = new ArrayList<>();
        facts.values().forEach(mine::add);
        mine.sort(Comparator.comparingLong(f -> f.order));
        List<Object> decoded = new ArrayList<>(mine.size());
        for (Archive.PartFact f : mine) {
            for (String fact : f.facts) {
                decoded.add(Codec.fact(fact));
            }
        }
        facts.clear();
        received.clear();
        expected.clear();
        PartChecker.check(checker, decoded, bin, SEQ, failed, claimsChecked, out);
        if (LOG.isDebugEnabled()) { // what each part cost this task, read back, decoded and checked: Placer.weight's data
            LOG.debug("checked part {}: {} facts, {} ms of CPU", bin, decoded.size(),
                    (THREADS.getCurrentThreadCpuTime() - cpu0) / 1_000_000);
        }
    }
}
