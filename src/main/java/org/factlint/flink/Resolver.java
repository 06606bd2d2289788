package org.factlint.flink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
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
import org.factlint.model.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Archive mode's serial stage (one task, keyed by a constant): keeps what the parallel {@link Reader}s read of each
 * document (without its claims, and without its line, which goes past this task to {@link LineJoin}) in map state
 * (RocksDB); when the input ends, resolves
 * names across the whole archive and decides, in input order ({@link Numberer}), what each document takes from those
 * before it ({@link FactLoader#resolve}): that is all that must be serial. The facts are made later, in parallel
 * ({@link KeyHasher}, {@link Assembler}).
 */
final class Resolver extends KeyedProcessFunction<Integer, Archive.Parsed, Archive.Doc> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(Resolver.class);
    private static final TypeReference<List<String>> NAMES = new TypeReference<>() {
    };

    /** What a later stage needs besides the document: its resolution and the groups of its entities' keys. */
    record Resolution(FactLoader.Resolved resolved, Map<String, List<String>> groups) {
        private static final TypeReference<Map<String, Source>> SOURCES = new TypeReference<>() {
        };

        /** The form shipped between the stages. */
        Archive.Resolved compact() {
            Archive.Resolved c = new Archive.Resolved();
            int n = resolved.entityKeys().size();
            c.keys = resolved.entityKeys().toArray(String[]::new);
            c.inserts = new boolean[n];
            c.groups = new String[n][];
            for (int i = 0; i < n; i++) {
                c.inserts[i] = resolved.inserts().get(i);
                c.groups[i] = groups.getOrDefault(c.keys[i], List.of()).toArray(String[]::new);
            }
            try {
                c.sources = Json.mapper().writeValueAsString(resolved.sources());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write a document's sources: " + e.getOriginalMessage(), e);
            }
            return c;
        }

        static Resolution of(Archive.Resolved c) {
            Map<String, Source> sources;
            try {
                sources = Json.mapper().readValue(c.sources, SOURCES);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("a document's sources cannot be read back: "
                        + e.getOriginalMessage(), e);
            }
            List<Boolean> inserts = new ArrayList<>(c.inserts.length);
            Map<String, List<String>> groups = new HashMap<>();
            for (int i = 0; i < c.keys.length; i++) {
                inserts.add(c.inserts[i]);
                groups.put(c.keys[i], java.util.Collections.unmodifiableList(java.util.Arrays.asList(c.groups[i])));
            }
            return new Resolution(new FactLoader.Resolved(List.of(c.keys), inserts, sources), groups);
        }
    }

    private final String rulesDir;
    private transient RulePack pack;
    /** By {@link #key}: each document without its claims and line. */
    private transient MapState<Long, Archive.Parsed> views;
    private transient Counter rejected;
    private transient Counter accepted;
    /** The views read so far in this run ({@link View}), by {@link #key}: a cache of {@link #views}, not state. */
    private transient Map<Long, View> read;

    Resolver(String rulesDir) {
        this.rulesDir = rulesDir;
    }

    @Override
    public void open(OpenContext context) {
        pack = Packs.load(rulesDir);
        views = getRuntimeContext().getMapState(new MapStateDescriptor<>("views", Long.class, Archive.Parsed.class));
        rejected = getRuntimeContext().getMetricGroup().counter("rejectedDocuments");
        accepted = getRuntimeContext().getMetricGroup().counter("acceptedDocuments");
        read = new HashMap<>();
    }

    /** A document's place in input order: its line's number, then its index in the line. */
    static long key(Archive.Parsed p) {
        if (p.index >= 1 << 16) {
            throw new IllegalArgumentException("line " + p.seq + " holds more than 65,536 documents");
        }
        return p.seq << 16 | p.index;
    }

    @Override
    public void processElement(Archive.Parsed parsed, Context ctx, Collector<Archive.Doc> out) throws Exception {
        long key = key(parsed);
        views.put(key, parsed.line == null ? parsed
                : new Archive.Parsed(parsed.seq, parsed.index, null, parsed.view, parsed.named));
        // read now, while the input comes, rather than all at its end; the state above is what a restore has
        read.put(key, View.of(parsed));
        ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE); // the end of the input
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Archive.Doc> out) throws Exception {
        List<Archive.Parsed> all = new ArrayList<>();
        views.values().forEach(all::add);
        all.sort(Comparator.comparingLong(Resolver::key));
        List<View> inOrder = new ArrayList<>(all.size());
        for (Archive.Parsed p : all) {
            View v = read.remove(key(p));
            inOrder.add(v != null ? v : View.of(p)); // after a restore: kept in state, not read in this run
        }
        long[] n = new long[1];
        // without their lines: LineJoin, in parallel, puts each document's line back
        resolveViews(pack, inOrder, accepted, rejected, (p, resolution) -> out.collect(
                new Archive.Doc(n[0]++, p.seq, null, p.index, resolution)));
        LOG.info("archive: {} documents accepted", n[0]);
        views.clear();
        read.clear();
    }

    /** A document as the resolver reads it: the view parsed, the sources it names, and where it came from. */
    record View(Archive.Parsed parsed, Document document, List<String> named) {
        static View of(Archive.Parsed p) {
            Document d = DocumentReader.readJson("document", p.view.getBytes(StandardCharsets.UTF_8)).documents()
                    .get(0);
            try {
                return new View(new Archive.Parsed(p.seq, p.index, p.line, null, null), d,
                        Json.mapper().readValue(p.named, NAMES));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot read the sources a document names: " + e.getOriginalMessage(),
                        e);
            }
        }
    }

    /**
     * The serial step of archive mode: the documents (read without their claims, in input order) resolved across all
     * of them, each accepted or rejected in order ({@link FactLoader#resolve}); each accepted one handed to
     * {@code out} with its {@link Resolution} as soon as it is decided, so that the stages after this one work while
     * it decides the rest. A document's groups are known by then: the first document to insert each of its entities
     * is itself or one before it.
     */
    static void resolve(RulePack pack, List<Archive.Parsed> views, Counter accepted, Counter rejected,
                        BiConsumer<Archive.Parsed, Archive.Resolved> out) {
        resolveViews(pack, views.stream().map(View::of).toList(), accepted, rejected, out);
    }

    private static void resolveViews(RulePack pack, List<View> views, Counter accepted, Counter rejected,
                                     BiConsumer<Archive.Parsed, Archive.Resolved> out) {
        List<Document> docs = views.stream().map(View::document).toList();
        FactLoader loader = new FactLoader(Hooks.tables(pack));
        loader.preResolve(docs); // the whole archive, as one check resolves its batch
        Map<String, List<String>> groupsOfKey = new HashMap<>(); // as the first document to insert each entity says
        for (int d = 0; d < docs.size(); d++) {
            Document doc = docs.get(d);
            FactLoader.Resolved r;
            try {
                r = loader.resolve(doc, views.get(d).named());
                accepted.inc();
            } catch (InvalidDocumentException e) {
                rejected.inc();
                LOG.warn("article '{}' is rejected: {}", doc.article().id(), e.getMessage());
                continue;
            }
            Map<String, String> keyOfId = new HashMap<>();
            for (int i = 0; i < doc.entities().size(); i++) {
                keyOfId.put(doc.entities().get(i).id(), r.entityKeys().get(i));
            }
            for (int i = 0; i < doc.entities().size(); i++) {
                if (r.inserts().get(i)) {
                    Entity e = doc.entities().get(i);
                    groupsOfKey.put(r.entityKeys().get(i), e.groups().stream().map(keyOfId::get).distinct().toList());
                }
            }
            Map<String, List<String>> groups = new HashMap<>();
            for (String key : r.entityKeys()) {
                groups.put(key, groupsOfKey.getOrDefault(key, List.of()));
            }
            out.accept(views.get(d).parsed(), new Resolution(r, groups).compact());
        }
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
