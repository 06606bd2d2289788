package org.factlint.flink;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.factlint.internal.FactLoader;
import org.factlint.internal.Hooks;

/**
 * Archive mode, in parallel, keyed by document: when a document ({@link Archive.Doc}) and its parts ({@link
 * Archive.Labels}) have both come, in either order, loads its facts again (cheaper to repeat in parallel than to keep
 * every fact in the union-find's task) and sends each to its part, reference data to every part that uses it.
 */
final class Assembler extends KeyedCoProcessFunction<Long, Archive.Doc, Archive.Labels, Archive.PartFact> {
    private static final long serialVersionUID = 1L;

    private final String rulesDir;
    private transient FactLoader loader;
    private transient ValueState<Archive.Doc> doc;
    private transient ValueState<Archive.Labels> labels;

    Assembler(String rulesDir) {
        this.rulesDir = rulesDir;
    }

    @Override
    public void open(OpenContext context) {
        loader = new FactLoader(Hooks.tables(Packs.load(rulesDir)));
        doc = getRuntimeContext().getState(new ValueStateDescriptor<>("doc", Archive.Doc.class));
        labels = getRuntimeContext().getState(new ValueStateDescriptor<>("labels", Archive.Labels.class));
    }

    @Override
    public void processElement1(Archive.Doc d, Context ctx, Collector<Archive.PartFact> out) throws Exception {
        Archive.Labels l = labels.value();
        if (l == null) {
            doc.update(d);
        } else {
            send(d, l, out);
            labels.clear();
        }
    }

    @Override
    public void processElement2(Archive.Labels l, Context ctx, Collector<Archive.PartFact> out) throws Exception {
        Archive.Doc d = doc.value();
        if (d == null) {
            labels.update(l);
        } else {
            send(d, l, out);
            doc.clear();
        }
    }

    private void send(Archive.Doc d, Archive.Labels l, Collector<Archive.PartFact> out) {
        send(loader, d, l, out::collect);
    }

    /** A document's facts, each to its part ({@link Archive.Labels}): one record per part, in load order. */
    static void send(FactLoader loader, Archive.Doc d, Archive.Labels l,
                     java.util.function.Consumer<Archive.PartFact> out) {
        List<Object> facts = KeyHasher.facts(loader, d, Resolver.Resolution.of(d.resolved));
        if (facts.size() != l.bin.length) { // loading is deterministic: a difference is a bug, not bad input
            throw new IllegalStateException("document " + d.seq + " loads " + facts.size() + " facts, placed were "
                    + l.bin.length);
        }
        Map<Integer, List<String>> byPart = new LinkedHashMap<>();
        Map<Integer, Long> first = new HashMap<>();
        for (int i = 0; i < facts.size(); i++) {
            String encoded = Codec.fact(facts.get(i));
            long order = l.base + i;
            if (l.bin[i] >= 0) {
                add(byPart, first, l.bin[i], order, encoded);
            } else {
                for (int c = l.copyStart[i]; c < l.copyStart[i + 1]; c++) {
                    add(byPart, first, l.copies[c], order, encoded);
                }
            }
        }
        byPart.forEach((bin, encoded) -> out.accept(new Archive.PartFact(bin, first.get(bin),
                encoded.toArray(String[]::new))));
    }

    private static void add(Map<Integer, List<String>> byPart, Map<Integer, Long> first, int bin, long order,
                            String encoded) {
        byPart.computeIfAbsent(bin, b -> new ArrayList<>()).add(encoded);
        first.putIfAbsent(bin, order);
    }
}
