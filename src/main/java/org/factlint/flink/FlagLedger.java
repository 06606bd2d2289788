package org.factlint.flink;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The flags of one article's claims, keyed by article, in keyed state (RocksDB on a cluster): turns the checks'
 * {@link Snapshot}s into a changelog keyed by flag id. A flag new to its claim, or worded anew, is {@code RAISED}
 * (an upsert); one its claim no longer has is {@code RETRACTED}.
 *
 * <p>Each claim remembers the sequence number of the last part it was checked in: a snapshot from an older or the
 * same part is ignored, so parts that cross on their way (two components merged while the first was being checked)
 * and parts replayed after a failure change nothing.
 */
final class FlagLedger extends KeyedProcessFunction<String, Snapshot, String> {
    private static final long serialVersionUID = 1L;
    static final String RAISED = "RAISED";
    static final String RETRACTED = "RETRACTED";

    /** Claim id to the sequence number of the part it was last checked in. */
    private transient MapState<String, Long> checkedIn;
    /** Flag id to {@code ownerClaim \t flagJson}. */
    private transient MapState<String, String> flags;

    @Override
    public void open(OpenContext context) {
        checkedIn = getRuntimeContext().getMapState(new MapStateDescriptor<>("checkedIn", String.class, Long.class));
        flags = getRuntimeContext().getMapState(new MapStateDescriptor<>("flags", String.class, String.class));
    }

    @Override
    public void processElement(Snapshot s, Context ctx, Collector<String> out) throws Exception {
        Set<String> fresh = new HashSet<>();
        // Claims checked before: only they can own flags held here (a flag is kept only with a claim that is in
        // checkedIn). An archive checks each claim once, so there no snapshot needs to look at what is held: no
        // iteration over the article's flags and no read of a flag, which in RocksDB cost a seek each.
        Set<String> seen = new HashSet<>();
        for (String claim : s.claims) {
            Long last = checkedIn.get(claim);
            if (last == null || last < s.seq) {
                fresh.add(claim);
                if (last != null) {
                    seen.add(claim);
                }
                checkedIn.put(claim, s.seq);
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        Map<String, String> now = new HashMap<>();
        for (int i = 0; i < s.ids.length; i++) {
            if (fresh.contains(s.owners[i])) {
                now.put(s.ids[i], s.owners[i] + '\t' + s.flags[i]);
            }
        }
        if (!seen.isEmpty()) {
            Iterator<Map.Entry<String, String>> held = flags.iterator();
            while (held.hasNext()) {
                Map.Entry<String, String> e = held.next();
                String value = e.getValue();
                String owner = value.substring(0, value.indexOf('\t'));
                if (seen.contains(owner) && !now.containsKey(e.getKey())) {
                    out.collect(Codec.change(e.getKey(), RETRACTED, s.article, s.seq,
                            value.substring(owner.length() + 1)));
                    held.remove();
                }
            }
        }
        for (Map.Entry<String, String> e : now.entrySet()) {
            // a flag's id includes its claims, so a flag of a claim never checked before cannot be held
            String value = e.getValue();
            String before = seen.contains(value.substring(0, value.indexOf('\t'))) ? flags.get(e.getKey()) : null;
            if (!value.equals(before)) {
                flags.put(e.getKey(), value);
                out.collect(Codec.change(e.getKey(), RAISED, s.article, s.seq, value.substring(value.indexOf('\t') + 1)));
            }
        }
    }
}
