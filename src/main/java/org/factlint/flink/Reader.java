package org.factlint.flink;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;
import org.factlint.internal.FactLoader;
import org.factlint.io.DocumentWriter;
import org.factlint.io.Json;
import org.factlint.model.Document;

/**
 * Archive mode, in parallel: reads a numbered input line's documents (the JSON parse, the dearest part of resolving)
 * and hands the serial {@link Resolver} only what it reads of each: the document without its claims, and the
 * sources its claims name ({@link FactLoader#named}). Bad records are counted and logged here; the good ones of the
 * same line go on.
 */
final class Reader extends RichFlatMapFunction<Archive.Line, Archive.Parsed> {
    private static final long serialVersionUID = 1L;

    private transient Counter rejected;

    @Override
    public void open(OpenContext context) {
        rejected = getRuntimeContext().getMetricGroup().counter("rejectedDocuments");
    }

    @Override
    public void flatMap(Archive.Line line, Collector<Archive.Parsed> out) {
        parse(line, rejected).forEach(out::collect);
    }

    /** A line's documents as the resolver reads them, in their order in the line. */
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
