package org.factlint.flink;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.factlint.Batch;
import org.factlint.InputError;
import org.factlint.RulePack;
import org.factlint.internal.FactLoader;
import org.factlint.internal.Hooks;
import org.factlint.io.DocumentReader;
import org.factlint.io.Json;
import org.factlint.model.Document;
import org.factlint.model.Entity;
import org.factlint.model.InvalidDocumentException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Archive mode's first stage (one task, keyed by a constant): keeps the input lines in list state (RocksDB, appended
 * to); when the input ends, resolves names across the whole archive and decides, in document order, what each
 * document takes from those before it ({@link FactLoader#resolve}): that is all that must be serial. The facts are
 * made later, in parallel ({@link KeyHasher}, {@link Assembler}).
 */
final class Resolver extends KeyedProcessFunction<Integer, String, Archive.Doc> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(Resolver.class);

    /** What a later stage needs besides the document: its resolution and the groups of its entities' keys. */
    record Resolution(FactLoader.Resolved resolved, Map<String, List<String>> groups) {
        String json() {
            try {
                return Json.mapper().writeValueAsString(this);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write a resolution: " + e.getOriginalMessage(), e);
            }
        }

        static Resolution of(String json) {
            try {
                return Json.mapper().readValue(json, Resolution.class);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("a resolution cannot be read back: " + e.getOriginalMessage(), e);
            }
        }
    }

    private final String rulesDir;
    private transient RulePack pack;
    private transient ListState<String> lines;
    private transient Counter rejected;
    private transient Counter accepted;

    Resolver(String rulesDir) {
        this.rulesDir = rulesDir;
    }

    @Override
    public void open(OpenContext context) {
        pack = Packs.load(rulesDir);
        lines = getRuntimeContext().getListState(new ListStateDescriptor<>("lines", String.class));
        rejected = getRuntimeContext().getMetricGroup().counter("rejectedDocuments");
        accepted = getRuntimeContext().getMetricGroup().counter("acceptedDocuments");
    }

    @Override
    public void processElement(String line, Context ctx, Collector<Archive.Doc> out) throws Exception {
        if (!line.isBlank()) {
            lines.add(line);
            ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE); // the end of the input
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Archive.Doc> out) throws Exception {
        List<Archive.Doc> docs = resolve(pack, lines.get(), line -> read(line, rejected), accepted, rejected);
        docs.forEach(out::collect);
        LOG.info("archive: {} documents accepted", docs.size());
        lines.clear();
    }

    /**
     * The serial step of archive mode: every line's documents read, names resolved across all of them, each
     * document accepted or rejected in order ({@link FactLoader#resolve}).
     */
    static List<Archive.Doc> resolve(RulePack pack, Iterable<String> lines,
                                     java.util.function.Function<String, List<Document>> read, Counter accepted,
                                     Counter rejected) {
        List<String> from = new ArrayList<>();
        List<Integer> index = new ArrayList<>();
        List<Document> docs = new ArrayList<>();
        for (String line : lines) {
            List<Document> mine = read.apply(line);
            for (int i = 0; i < mine.size(); i++) {
                from.add(line);
                index.add(i);
                docs.add(mine.get(i));
            }
        }
        FactLoader loader = new FactLoader(Hooks.tables(pack));
        loader.preResolve(docs); // the whole archive, as one check resolves its batch
        List<FactLoader.Resolved> resolved = new ArrayList<>(docs.size());
        Map<String, List<String>> groupsOfKey = new HashMap<>(); // as the first document to insert each entity says
        for (Document doc : docs) {
            FactLoader.Resolved r;
            try {
                r = loader.resolve(doc);
                accepted.inc();
            } catch (InvalidDocumentException e) {
                rejected.inc();
                LOG.warn("article '{}' is rejected: {}", doc.article().id(), e.getMessage());
                r = null;
            }
            resolved.add(r);
            if (r != null) {
                Map<String, String> keyOfId = new HashMap<>();
                for (int i = 0; i < doc.entities().size(); i++) {
                    keyOfId.put(doc.entities().get(i).id(), r.entityKeys().get(i));
                }
                for (int i = 0; i < doc.entities().size(); i++) {
                    if (r.inserts().get(i)) {
                        Entity e = doc.entities().get(i);
                        groupsOfKey.put(r.entityKeys().get(i),
                                e.groups().stream().map(keyOfId::get).distinct().toList());
                    }
                }
            }
        }
        List<Archive.Doc> out = new ArrayList<>();
        for (int d = 0; d < docs.size(); d++) {
            FactLoader.Resolved r = resolved.get(d);
            if (r == null) {
                continue;
            }
            Map<String, List<String>> groups = new HashMap<>();
            for (String key : r.entityKeys()) {
                groups.put(key, groupsOfKey.getOrDefault(key, List.of()));
            }
            out.add(new Archive.Doc(out.size(), from.get(d), index.get(d), new Resolution(r, groups).json()));
        }
        return out;
    }

    /** The documents of one input line; its bad records are counted and logged, the good ones kept. */
    static List<Document> read(String line, Counter rejected) {
        Batch batch = DocumentReader.readJson("document", line.getBytes(StandardCharsets.UTF_8));
        for (InputError e : batch.errors()) {
            LOG.warn("rejected input: {}", e);
        }
        rejected.inc(batch.rejected());
        return batch.documents();
    }

    /** A document of a {@link Archive.Doc} read again (it was read once here, so it reads). */
    static Document document(Archive.Doc doc) {
        Batch batch = DocumentReader.readJson("document", doc.line.getBytes(StandardCharsets.UTF_8));
        return batch.documents().get(doc.index);
    }
}
