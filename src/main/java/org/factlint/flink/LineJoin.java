package org.factlint.flink;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Archive mode, in parallel, keyed by input line: puts each accepted document's line ({@link Reader#LINES}) back
 * beside its resolution ({@link Resolver}), in whichever order the two come. The lines go past the one-task resolver,
 * so that it neither stores nor ships the archive's text. A line is kept (keyed state, RocksDB) until the input ends:
 * a line may hold several documents, and one the resolver rejects never comes.
 */
final class LineJoin extends KeyedCoProcessFunction<Long, Archive.Line, Archive.Doc, Archive.Doc> {
    private static final long serialVersionUID = 1L;

    private transient ValueState<String> line;
    /** Documents resolved before their line came. */
    private transient ListState<Archive.Doc> waiting;

    @Override
    public void open(OpenContext context) {
        line = getRuntimeContext().getState(new ValueStateDescriptor<>("line", String.class));
        waiting = getRuntimeContext().getListState(new ListStateDescriptor<>("waiting", Archive.Doc.class));
    }

    @Override
    public void processElement1(Archive.Line l, Context ctx, Collector<Archive.Doc> out) throws Exception {
        line.update(l.line);
        List<Archive.Doc> early = new ArrayList<>();
        waiting.get().forEach(early::add);
        for (Archive.Doc d : early) {
            d.line = l.line;
            out.collect(d);
        }
        waiting.clear();
        ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE); // the end of the input
    }

    @Override
    public void processElement2(Archive.Doc d, Context ctx, Collector<Archive.Doc> out) throws Exception {
        String l = line.value();
        if (l == null) {
            waiting.add(d);
            ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
        } else {
            d.line = l;
            out.collect(d);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Archive.Doc> out) throws Exception {
        if (waiting.get().iterator().hasNext()) { // every resolved document was read from a line: a bug, not input
            throw new IllegalStateException("documents of input line " + ctx.getCurrentKey() + " came without it");
        }
        line.clear();
    }
}
