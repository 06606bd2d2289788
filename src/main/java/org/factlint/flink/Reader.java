package org.factlint.flink;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.factlint.internal.FactLoader;
import org.factlint.io.DocumentWriter;
import org.factlint.io.Json;
import org.factlint.model.Document;

/**
 * Archive mode, in parallel: reads a numbered input line's documents (the JSON parse, the dearest part of resolving)
 * and hands the serial {@link Resolver} only what it reads of each: the document without its claims, and the
 * sources its claims name ({@link FactLoader#named}). The line itself goes, once, on {@link #LINES} to the parallel
 * {@link LineJoin}, past the serial resolver: one task need not store and ship the whole archive's text. Bad records
 * are counted and logged here; the good ones of the same line go on.
 */
final class Reader extends ProcessFunction<Archive.Line, Archive.Parsed> {
    private static final long serialVersionUID = 1L;
    /** Each line that holds a good document, for {@link LineJoin}. */
    static final OutputTag<Archive.Line> LINES = new OutputTag<>("lines") {
    };

    private transient Counter rejected;

    @Override
    public void open(OpenContext context) {
        rejected = getRuntimeContext().getMetricGroup().counter("rejectedDocuments");
    }

    @Override
    public void processElement(Archive.Line line, Context ctx, Collector<Archive.Parsed> out) {
        List<Archive.Parsed> parsed = parse(line, rejected);
        if (!parsed.isEmpty()) {
            ctx.output(LINES, line);
        }
        for (Archive.Parsed p : parsed) {
            p.line = null; // the resolver reads the view only
            out.collect(p);
        }
    }

    /** A line's documents as the resolver reads them (and the line), in their order in the line. */
    static List<Archive.Parsed> parse(Archive.Line line, Counter rejected) {
        List<Document> docs = Resolver.read(line.line, rejected);
        List<Archive.Parsed> out = new ArrayList<>(docs.size());
        for (int i = 0; i < docs.size(); i++) {
            Document d = docs.get(i);
            Document view = new Document(d.article(), d.sources(), d.entities(), List.of());
            try {
                out.add(new Archive.Parsed(line.seq, i, line.line, DocumentWriter.json(view),
                        Json.mapper().writeValueAsString(FactLoader.named(d))));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write the sources a document names: "
                        + e.getOriginalMessage(), e);
            }
        }
        return out;
    }
}
