package org.factlint;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.factlint.internal.FactLoader;
import org.factlint.internal.Partitions;
import org.factlint.model.Document;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;

/** Benchmark access to package-private parts of the library (benchmark code only, never shipped). */
public final class BenchAccess {
    private BenchAccess() {
    }

    /** The working-memory facts of documents, as one check loads them. */
    public static List<Object> facts(List<Document> documents) {
        FactLoader loader = new FactLoader(RulePack.bundled().facts());
        loader.preResolve(documents);
        List<Object> facts = new ArrayList<>();
        for (Document d : documents) {
            facts.addAll(loader.load(d));
        }
        return facts;
    }

    /**
     * The naive engine use: the bundled DRL with its derived join key spelled out (subject, predicate and object
     * compared one by one instead of {@code eventKey}) and corroboration derived per pair of reports, compiled with
     * the classic engine at start-up, every fact in one big session.
     */
    public static RulePack naivePack() {
        // the repository's rules/ directory: the bundled DRL and its tables (run from the repository root)
        Map<String, String> all;
        try {
            all = RulePack.readFiles(java.nio.file.Path.of("rules"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("run the benchmarks from the repository root", e);
        }
        Map<String, String> files = new LinkedHashMap<>();
        for (Map.Entry<String, String> f : all.entrySet()) {
            if (!f.getKey().endsWith(".drl")) {
                files.put(f.getKey(), f.getValue());
                continue;
            }
            if (!f.getValue().equals(RulePack.bundled().sources().get(f.getKey()))) {
                throw new IllegalStateException("rules/" + f.getKey() + " differs from the bundled pack: rebuild");
            }
            String drl = f.getValue().replaceAll("eventKey == \\$(\\w+)\\.eventKey",
                    "subjectKey == \\$$1.subjectKey, predicate == \\$$1.predicate, objectKey == \\$$1.objectKey");
            if (f.getKey().equals("independence.drl")) {
                // the first way anyone writes it: one Corroboration per corroborating pair
                drl = replace(drl, "    exists ClaimFact( subjectKey == $c.subjectKey", "    $d : ClaimFact( subjectKey == $c.subjectKey");
                drl = replace(drl, "new Corroboration( $c.id(), null )", "new Corroboration( $c.id(), $d.id() )");
            }
            files.put(f.getKey(), drl);
        }
        return RulePack.of("naive", files);
    }

    private static String replace(String text, String what, String with) {
        if (!text.contains(what)) {
            throw new IllegalStateException("the bundled pack changed: '" + what + "' not found");
        }
        return text.replace(what, with);
    }

    /** The pack's table rows (cue lexicon, source table), as every session gets them. */
    public static List<Object> packFacts(RulePack pack) {
        return pack.facts();
    }

    /** One session with all the facts: insert, fire, collect the flags. */
    public static Set<Flag> oneSession(RulePack pack, List<Object> facts) {
        try (Open open = open(pack, List.of(facts))) {
            return open.flags();
        }
    }

    /** Sessions kept open after firing, so a probe can weigh them; close to dispose. */
    public static Open open(RulePack pack, List<List<Object>> parts) {
        List<KieSession> sessions = new ArrayList<>();
        for (List<Object> part : parts) {
            KieSession s = pack.kieBase().newKieSession();
            pack.facts().forEach(s::insert);
            for (Object o : part) {
                s.insert(o);
            }
            s.fireAllRules();
            sessions.add(s);
        }
        return new Open(sessions);
    }

    /** The engine's parts for these facts, as {@link Checker} splits a large bundled-pack check. */
    public static List<List<Object>> parts(List<Object> facts) {
        return Partitions.split(facts, Runtime.getRuntime().availableProcessors(), Checker.PART_MAX_CLAIMS);
    }

    public record Open(List<KieSession> sessions) implements AutoCloseable {
        public Set<Flag> flags() {
            Set<Flag> flags = new HashSet<>();
            for (KieSession s : sessions) {
                for (Object o : s.getObjects(new ClassObjectFilter(Flag.class))) {
                    flags.add((Flag) o);
                }
            }
            return flags;
        }

        @Override
        public void close() {
            sessions.forEach(KieSession::dispose);
        }
    }
}
