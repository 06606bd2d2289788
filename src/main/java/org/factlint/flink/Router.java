package org.factlint.flink;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
import org.factlint.io.DocumentWriter;
import org.factlint.model.Document;
import org.factlint.model.InvalidDocumentException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads documents into facts and cuts them into {@link Part}s by the pack's join keys ({@link Components}). One task
 * (keyed by a constant), because a component can span the whole input and names resolve across all of it.
 *
 * <p>Its only Flink state is the accepted documents (a list in RocksDB, appended to, so incremental checkpoints stay
 * small); the loader and the components are rebuilt from them after a restart, deterministically, so the parts a
 * replay cuts are the parts cut before.
 * <ul>
 * <li>{@link FlagJob.Mode#ARCHIVE}: documents are kept until the input ends (the final watermark fires a timer);
 *     then all are loaded together, names resolved across the archive as one check does, and every component is
 *     sent once.</li>
 * <li>{@link FlagJob.Mode#FEED}: each document is loaded as it comes (as a desk session adds it), and every component
 *     it changed is sent, whole, with a new sequence number.</li>
 * </ul>
 */
final class Router extends KeyedProcessFunction<Integer, String, Part> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(Router.class);

    /** Claims per part in archive mode, roughly (a component is never cut: the largest are parts of their own). */
    static final int PART_CLAIMS = 2_000;

    private final FlagJob.Mode mode;
    private final String rulesDir;
    private transient RulePack pack;
    private transient ListState<String> documents;
    private transient Counter rejected;
    private transient Counter accepted;
    /** Feed mode: the running loader and components, rebuilt from {@link #documents} after a restart. */
    private transient FactLoader loader;
    private transient Components components;
    private transient long seq;

    Router(FlagJob.Mode mode, String rulesDir) {
        this.mode = mode;
        this.rulesDir = rulesDir;
    }

    @Override
    public void open(OpenContext context) {
        pack = Packs.load(rulesDir);
        documents = getRuntimeContext().getListState(new ListStateDescriptor<>("documents", String.class));
        rejected = getRuntimeContext().getMetricGroup().counter("rejectedDocuments");
        accepted = getRuntimeContext().getMetricGroup().counter("acceptedDocuments");
    }

    @Override
    public void processElement(String line, Context ctx, Collector<Part> out) throws Exception {
        if (line.isBlank()) {
            return;
        }
        if (mode == FlagJob.Mode.ARCHIVE) {
            documents.add(line);
            ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE); // the end of the input
            return;
        }
        if (components == null) {
            rebuild();
        }
        for (Document doc : read(line)) {
            List<Object> facts = load(doc);
            if (facts == null) {
                continue;
            }
            documents.add(DocumentWriter.json(doc));
            seq++;
            Set<Integer> roots = components.add(facts);
            if (!roots.isEmpty()) {
                out.collect(part(components, roots, seq)); // every component the document changed, one session
            }
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Part> out) throws Exception {
        List<Document> docs = new ArrayList<>();
        for (String line : documents.get()) {
            docs.addAll(read(line));
        }
        loader = new FactLoader(Hooks.tables(pack));
        loader.preResolve(docs); // the whole archive, as one check resolves its batch
        List<Object> facts = new ArrayList<>();
        for (Document doc : docs) {
            List<Object> mine = loadResolved(doc);
            if (mine != null) {
                facts.addAll(mine);
            }
        }
        Components all = components(facts);
        int parts = 0;
        // Components binned into parts of about PART_CLAIMS claims: a session per component would spend more on
        // making sessions (the pack's table rows go into each) than on the rules.
        List<Integer> bin = new ArrayList<>();
        int binClaims = 0;
        for (int root : all.roots()) {
            bin.add(root);
            binClaims += all.claims(root);
            if (binClaims >= PART_CLAIMS) {
                out.collect(part(all, bin, 1));
                parts++;
                bin.clear();
                binClaims = 0;
            }
        }
        if (!bin.isEmpty()) {
            out.collect(part(all, bin, 1));
            parts++;
        }
        LOG.info("archive of {} documents, {} facts: {} parts", docs.size(), facts.size(), parts);
        documents.clear();
        loader = null;
    }

    private Components components(List<Object> facts) {
        Components c = newComponents();
        c.add(facts);
        return c;
    }

    /**
     * Components by the pack's join keys; one component for a pack that declares none, or whose declaration does
     * not place every fact type (the checker runs such a pack in one session too).
     */
    private Components newComponents() {
        org.factlint.internal.JoinKeys keys = Hooks.joins(pack);
        if (keys == null || !keys.places(Codec.types())) {
            LOG.info("rule pack {} declares no join keys for every fact type: its input is checked in one part",
                    pack.name());
            return new Components(null);
        }
        return new Components(keys);
    }

    /** Feed mode after a (re)start: the documents accepted before, loaded again in their order, nothing sent. */
    private void rebuild() throws Exception {
        loader = new FactLoader(Hooks.tables(pack));
        components = newComponents();
        seq = 0;
        for (String json : documents.get()) {
            for (Document doc : read(json)) {
                List<Object> facts = load(doc);
                if (facts != null) {
                    seq++;
                    components.add(facts);
                }
            }
        }
        if (seq > 0) {
            LOG.info("restored {} documents, {} facts", seq, components.facts());
        }
    }

    /** Feed mode: one document loaded after those before it, as a desk session adds it; null when rejected. */
    private List<Object> load(Document doc) {
        loader.preResolve(List.of(doc));
        return loadResolved(doc);
    }

    private List<Object> loadResolved(Document doc) {
        try {
            List<Object> facts = loader.load(doc);
            accepted.inc();
            return facts;
        } catch (InvalidDocumentException e) {
            rejected.inc();
            LOG.warn("article '{}' is rejected: {}", doc.article().id(), e.getMessage());
            return null;
        }
    }

    /** The documents of one input line; its bad records are counted and logged, the good ones kept. */
    private List<Document> read(String line) {
        Batch batch = DocumentReader.readJson("document", line.getBytes(StandardCharsets.UTF_8));
        for (InputError e : batch.errors()) {
            LOG.warn("rejected input: {}", e);
        }
        rejected.inc(batch.rejected());
        return batch.documents();
    }

    private static Part part(Components components, java.util.Collection<Integer> roots, long seq) {
        List<Object> facts = components.part(roots);
        String[] encoded = new String[facts.size()];
        for (int i = 0; i < encoded.length; i++) {
            encoded[i] = Codec.fact(facts.get(i));
        }
        return new Part(roots.iterator().next(), seq, encoded);
    }
}
