package org.factlint.flink;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Archive mode's first stage (one task, keyed by a constant, cheap): numbers the input lines in the order they come,
 * so that the parallel {@link Reader}s can read them in any order and the {@link Resolver} still decides the
 * documents in input order, as one check does. The next number is keyed state: a replay from a checkpoint numbers
 * the replayed lines as before.
 */
final class Numberer extends KeyedProcessFunction<Integer, String, Archive.Line> {
    private static final long serialVersionUID = 1L;

    private transient ValueState<Long> next;

    @Override
    public void open(OpenContext context) {
        next = getRuntimeContext().getState(new ValueStateDescriptor<>("next", Long.class));
    }

    @Override
    public void processElement(String line, Context ctx, Collector<Archive.Line> out) throws Exception {
        if (line.isBlank()) {
            return;
        }
        Long n = next.value();
        long seq = n == null ? 0 : n;
        next.update(seq + 1);
        out.collect(new Archive.Line(seq, line));
    }
}
