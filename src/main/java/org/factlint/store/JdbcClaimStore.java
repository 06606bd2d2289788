package org.factlint.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.factlint.Batch;
import org.factlint.Checker;
import org.factlint.Flag;
import org.factlint.InputError;
import org.factlint.Report;
import org.factlint.facts.ClaimFact;
import org.factlint.internal.FactLoader;
import org.factlint.internal.Hooks;
import org.factlint.internal.JoinKeys;
import org.factlint.internal.Names;
import org.factlint.internal.Partitions;
import org.factlint.io.DocumentReader;
import org.factlint.io.DocumentWriter;
import org.factlint.io.Json;
import org.factlint.model.Document;
import org.factlint.model.InvalidDocumentException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The claim store over JDBC: one connection, one transaction per {@link #add}, the same SQL on SQLite and PostgreSQL.
 * The components of the pack's join keys are kept as a union-find in the tables: a new document's facts are split into
 * components in memory ({@link Partitions#components}), each is looked up by its key values, the stored components it
 * meets are merged into one, and the documents of the merged components are checked with it. Components grow and are
 * never split again (a corrected version that no longer meets them leaves them merged: larger than needed, never
 * wrong).
 */
final class JdbcClaimStore implements ClaimStore {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcClaimStore.class);
    private static final int IN_CHUNK = 400;

    private final Connection connection;
    private final String location;
    private Checker checker; // replaced by a recheck with another pack
    private JoinKeys keys;
    /** Set when the pack gives every code a scope (scopes.csv): adds check scopes, not whole components. */
    private Scoped scoper;
    private final Clock clock;
    private final boolean postgres;
    private final ObjectMapper json = Json.mapper();
    private boolean closed;

    JdbcClaimStore(Connection connection, String location, Checker checker, Clock clock) throws SQLException {
        this.connection = connection;
        this.location = location;
        this.clock = clock;
        this.postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT)
                .contains("postgres");
        connection.setAutoCommit(false);
        configure(checker);
    }

    /** Takes a checker's pack: its join keys, and its scopes when they cover every code it flags with. */
    private void configure(Checker with) {
        this.checker = with;
        this.keys = Hooks.joins(with.pack());
        List<String> codes = with.pack().rules().stream().filter(org.factlint.RuleInfo::flags)
                .map(org.factlint.RuleInfo::code).distinct().toList();
        this.scoper = Scoped.covers(keys, codes) ? new Scoped(connection, location, keys, json) : null;
        if (scoper == null && keys != null && keys.scopes() != null) {
            LOG.warn("{}: {} gives some codes of pack {} no scope: adds check whole components", location,
                    org.factlint.internal.Scopes.FILE, with.pack().name());
        }
    }

    /** The index the pack's adds need: 'scope' or 'component'. */
    private String index() {
        return scoper != null ? "scope" : "component";
    }

    @Override
    public String location() {
        return location;
    }

    @Override
    public synchronized Change add(Document document) {
        List<Change> changes = addAll(List.of(document));
        return changes.get(0);
    }

    /**
     * Adds documents as one transaction, checked together with what they meet: the bulk load of an archive. Each
     * document gets its {@link Change}; a flag raised or retracted is attributed to the latest of these documents
     * that holds one of its claims (or, for a retraction, to the last document of the call).
     *
     * @throws StoreException when one of them is rejected or the store fails: then none is stored
     */
    @Override
    public synchronized List<Change> addAll(List<Document> documents) {
        checkOpen();
        String what = documents.size() == 1 ? "article '" + documents.get(0).article().id() + "'"
                : documents.size() + " documents";
        try {
            Phases phases = new Phases();
            begin();
            Instant now = clock.instant();
            List<FlagEvent[]> reindexed = reindexIfNeeded(now);
            Map<String, Change.Outcome> outcome = new LinkedHashMap<>();
            List<Document> fresh = new ArrayList<>();
            Set<Long> affected = new TreeSet<>();
            Map<Long, Set<Character>> changed = new HashMap<>(); // scopes: key values of replaced facts
            Map<String, String> seen = new HashMap<>();
            for (Document d : documents) {
                String article = d.article().id();
                String body = DocumentWriter.json(d);
                String digest = digest(body);
                if (seen.put(article, digest) != null) {
                    throw new StoreException(location + ": article '" + article + "' is given twice");
                }
                String stored = one("SELECT digest FROM documents WHERE article = ?", article);
                if (digest.equals(stored)) {
                    outcome.put(article, Change.Outcome.UNCHANGED);
                    continue;
                }
                outcome.put(article, stored == null ? Change.Outcome.ADDED : Change.Outcome.REPLACED);
                if (stored != null) {
                    affected.addAll(longs("SELECT DISTINCT component FROM facts WHERE article = ?", article));
                    if (scoper != null) {
                        scoper.storedValues(article).forEach((h, roles) ->
                                changed.computeIfAbsent(h, x -> new HashSet<>()).addAll(roles));
                    }
                    for (String table : List.of("facts", "join_keys", "fact_keys", "claims", "documents")) {
                        update("DELETE FROM " + table + " WHERE article = ?", article);
                    }
                }
                checkSources(d);
                // the document first: then what it meets
                update("INSERT INTO documents (article, digest, body, claims, added_at, added_seq, published_at)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?)", article, digest, body, d.claims().size(),
                        now.toEpochMilli(), counter("next_flag"), d.article().publicationMillis());
                fresh.add(d);
            }
            if (fresh.isEmpty()) {
                if (reindexed != null) {
                    connection.commit();
                } else {
                    connection.rollback();
                }
                return changes(outcome, List.of(), List.of(), 0);
            }
            phases.lap(Phases.Phase.PREPARE);
            long t0 = System.nanoTime();
            // The bulk load of an archive into an empty store: its rows go in without the secondary indexes, which
            // are built once after (sorted, not one random B-tree insert per row), in the same transaction.
            List<String> deferred = scoper != null && fresh.size() >= BULK_DOCUMENTS
                    && one("SELECT seq FROM facts LIMIT 1") == null ? dropIndexes() : List.of();
            Placed placed = place(fresh);
            phases.lap(Phases.Phase.PLACE);
            if (scoper != null) {
                return addScoped(fresh, outcome, placed, changed, now, what, t0, phases, deferred);
            }
            affected.addAll(placed.components());
            long t1 = System.nanoTime();
            Loaded loaded = load(affected, placed);
            long t2 = System.nanoTime();
            Report report = Hooks.checkFacts(checker.at(now), loaded.facts(), loaded.claims()); // on the store's clock
            long t3 = System.nanoTime();
            if (!report.complete()) {
                connection.rollback();
                throw new StoreException(location + ": " + what + " not stored: the rules did not run to the end ("
                        + report.problems().get(0) + ")");
            }
            Map<String, Long> componentOf = loaded.componentOfClaim();
            Map<String, Integer> order = new HashMap<>();
            for (int i = 0; i < fresh.size(); i++) {
                order.put(fresh.get(i).article().id(), i);
            }
            String last = fresh.get(fresh.size() - 1).article().id();
            List<FlagEvent[]> events = record(affected, report.flags(), componentOf, now, f -> {
                String by = null;
                for (String claim : f.claims()) {
                    String article = claim.substring(0, claim.indexOf(':'));
                    if (order.containsKey(article) && (by == null || order.get(article) > order.get(by))) {
                        by = article;
                    }
                }
                return by == null ? last : by;
            });
            long t4 = System.nanoTime();
            connection.commit();
            List<Change> changes = changes(outcome, java.util.Arrays.asList(events.get(0)),
                    java.util.Arrays.asList(events.get(1)), loaded.articles());
            LOG.debug("{}: added {}: {} claims from {} documents checked; place {} ms, load {} ms, check {} ms, record {}"
                            + " ms, commit {} ms", location, what, loaded.claims(), loaded.articles(), (t1 - t0) / 1_000_000,
                    (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, (t4 - t3) / 1_000_000,
                    (System.nanoTime() - t4) / 1_000_000);
            return changes;
        } catch (SQLException e) {
            rollbackQuietly();
            throw Stores.explain(location, "cannot add " + what, e);
        } catch (RuntimeException e) {
            rollbackQuietly();
            throw e;
        }
    }

    private static List<Change> changes(Map<String, Change.Outcome> outcome, List<FlagEvent> raised,
                                        List<FlagEvent> retracted, int checked) {
        // grouped by document once: a bulk load has thousands of documents and as many flags (filtering every
        // event for each document was quadratic)
        Map<String, List<FlagEvent>> raisedBy = byCause(raised);
        Map<String, List<FlagEvent>> retractedBy = byCause(retracted);
        List<Change> out = new ArrayList<>();
        outcome.forEach((article, o) -> out.add(new Change(article, o, raisedBy.getOrDefault(article, List.of()),
                retractedBy.getOrDefault(article, List.of()), o == Change.Outcome.UNCHANGED ? 0 : checked)));
        return out;
    }

    /** Events by the document that caused them, each list sorted by flag. */
    private static Map<String, List<FlagEvent>> byCause(List<FlagEvent> events) {
        Map<String, List<FlagEvent>> out = new HashMap<>();
        for (FlagEvent e : events) {
            out.computeIfAbsent(e.causedBy(), k -> new ArrayList<>()).add(e);
        }
        out.values().forEach(l -> l.sort(java.util.Comparator.comparing(FlagEvent::flag)));
        return out;
    }

    /** A source declared differently from the store's first declaration rejects the document, as a batch check does. */
    private void checkSources(Document d) throws SQLException {
        for (int i = 0; i < d.sources().size(); i++) {
            org.factlint.model.Source s = d.sources().get(i);
            String kind = s.kind().name().toLowerCase(java.util.Locale.ROOT);
            String[] earlier = null;
            try (PreparedStatement ps = connection.prepareStatement("SELECT kind, party FROM sources WHERE id = ?")) {
                ps.setString(1, s.id());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        earlier = new String[] {rs.getString(1), rs.getString(2)};
                    }
                }
            }
            if (earlier == null) {
                update("INSERT INTO sources (id, kind, party) VALUES (?, ?, ?)", s.id(), kind, s.party());
            } else if (!earlier[0].equals(kind) || !java.util.Objects.equals(earlier[1], s.party())) {
                throw new StoreException(location + ": article '" + d.article().id() + "' is rejected: sources[" + i
                        + "]: source '" + s.id() + "' is declared as " + kind
                        + (s.party() == null ? "" : " for '" + s.party() + "'") + " but an earlier document declares it as "
                        + earlier[0] + (earlier[1] == null ? "" : " for '" + earlier[1] + "'"));
            }
        }
    }

    private void begin() throws SQLException {
        if (postgres) {
            // one adder at a time across processes: components are read, merged and written as one step
            try (Statement s = connection.createStatement()) {
                s.execute("SELECT pg_advisory_xact_lock(72057594037927)");
            }
        } else {
            // SQLite: take the write lock now, not at the first write (two readers upgrading would deadlock)
            update("UPDATE store_meta SET value = value WHERE name = 'next_component'");
        }
    }

    /** The new documents' facts in memory, each with its article and component (and key values, for scopes). */
    private record Placed(List<Object> facts, List<String> articleOf, long[] componentOf, Set<Long> components,
                          long seq, List<List<String>> valuesOf) {
        Placed(List<Object> facts, List<String> articleOf, long[] componentOf, Set<Long> components, long seq) {
            this(facts, articleOf, componentOf, components, seq, List.of());
        }
    }

    /** Scopes: the facts are written in component 0 (components are not kept), with their key rows. */
    private Placed placeScoped(List<Object> facts, List<String> articleOf, List<List<String>> valuesOf)
            throws SQLException {
        long seq = counter("next_flag");
        int n = facts.size();
        try (PreparedStatement fs = connection.prepareStatement(
                "INSERT INTO facts (component, article, seq, pos, type, body) VALUES (0, ?, ?, ?, ?, ?)");
             PreparedStatement cs = connection.prepareStatement(
                     "INSERT INTO claims (id, article, component) VALUES (?, ?, 0)")) {
            for (int i = 0; i < n; i++) {
                Object f = facts.get(i);
                fs.setString(1, articleOf.get(i));
                fs.setLong(2, seq);
                fs.setInt(3, i);
                fs.setString(4, f.getClass().getSimpleName());
                fs.setString(5, json.writeValueAsString(f));
                fs.addBatch();
                if (f instanceof ClaimFact cf) {
                    cs.setString(1, cf.id());
                    cs.setString(2, articleOf.get(i));
                    cs.addBatch();
                }
                if (i % 5_000 == 4_999) {
                    fs.executeBatch();
                    cs.executeBatch();
                }
            }
            fs.executeBatch();
            cs.executeBatch();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a fact as JSON", e);
        }
        scoper.writeKeys(new Scoped.Fresh(facts, articleOf, valuesOf, seq));
        return new Placed(facts, articleOf, new long[n], new TreeSet<>(Set.of(0L)), seq, valuesOf);
    }

    /** The rest of an add by scopes: check what the new documents reach, record what changed within the scope. */
    private List<Change> addScoped(List<Document> fresh, Map<String, Change.Outcome> outcome, Placed placed,
                                   Map<Long, Set<Character>> changed, Instant now, String what, long t0,
                                   Phases phases, List<String> deferredIndexes) throws SQLException {
        boolean empty = one("SELECT seq FROM facts WHERE seq <> ? LIMIT 1", placed.seq()) == null;
        Scoped.Checked checked = scoper.check(checker.at(now), new Scoped.Fresh(placed.facts(), placed.articleOf(),
                placed.valuesOf(), placed.seq()), changed, empty, phases);
        long t1 = System.nanoTime();
        if (!checked.report().complete()) {
            connection.rollback();
            throw new StoreException(location + ": " + what + " not stored: the rules did not run to the end ("
                    + checked.report().problems().get(0) + ")");
        }
        java.util.function.Function<Flag, String> by = causedBy(fresh);
        List<FlagEvent[]> events = recordScoped(checked, empty, now, by);
        for (String index : deferredIndexes) {
            update(index);
        }
        phases.lap(Phases.Phase.RECORD);
        long t2 = System.nanoTime();
        connection.commit();
        phases.lap(Phases.Phase.COMMIT);
        lastChecked = checked.claims();
        lastPhases = phases;
        LOG.debug("{}: added {}: {} claims from {} documents checked in {} rounds; place and check {} ms, record {} ms,"
                        + " commit {} ms; {}", location, what, checked.claims(), checked.articles(), checked.rounds(),
                (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (System.nanoTime() - t2) / 1_000_000, phases);
        return changes(outcome, java.util.Arrays.asList(events.get(0)), java.util.Arrays.asList(events.get(1)),
                checked.articles());
    }

    /** Documents from which an add into an empty store builds its secondary indexes after writing the rows. */
    static final int BULK_DOCUMENTS = 100;

    /** The tables an add writes rows to. */
    private static final List<String> WRITTEN = List.of("facts", "fact_keys", "claims", "flags", "flag_scope");

    /**
     * Drops the secondary indexes of the tables an add writes (not those of primary keys), as the migrations made
     * them, and returns the statements that build them again: read from the database's own catalogue.
     */
    private List<String> dropIndexes() throws SQLException {
        String sql = postgres
                ? "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename IN ("
                        + marks(WRITTEN.size()) + ") AND indexname NOT IN (SELECT conname FROM pg_constraint)"
                : "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ("
                        + marks(WRITTEN.size()) + ")";
        Map<String, String> indexes = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            bind(ps, WRITTEN.toArray());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    indexes.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        for (String name : indexes.keySet()) {
            update("DROP INDEX " + name);
        }
        return new ArrayList<>(indexes.values());
    }

    /** Claims the last add checked (for tests of growth: the work of an add). */
    private int lastChecked;

    int lastChecked() {
        return lastChecked;
    }

    /** Stored flags the last add by scopes read back to compare (for tests of growth: the work of recording). */
    private int lastReadBack;

    int lastReadBack() {
        return lastReadBack;
    }

    /** The CPU time of the last add by scopes, phase by phase (for the benchmarks' probes). */
    private Phases lastPhases;

    Phases lastPhases() {
        return lastPhases;
    }

    /** A flag raised or retracted is attributed to the latest new document holding one of its claims, else the last. */
    private static java.util.function.Function<Flag, String> causedBy(List<Document> fresh) {
        Map<String, Integer> order = new HashMap<>();
        for (int i = 0; i < fresh.size(); i++) {
            order.put(fresh.get(i).article().id(), i);
        }
        String last = fresh.get(fresh.size() - 1).article().id();
        return f -> {
            String by = null;
            for (String claim : f.claims()) {
                String article = claim.substring(0, claim.indexOf(':'));
                if (order.containsKey(article) && (by == null || order.get(article) > order.get(by))) {
                    by = article;
                }
            }
            return by == null ? last : by;
        };
    }

    /**
     * Compares the trusted flags of a check by scopes with the stored open flags the change reaches whose whole scope
     * it loaded; records raised and retracted, and the scope of each open flag. A trusted flag whose scope the change
     * does not reach is stored as it is ({@link Scoped#asStored}) and not read back. Returns {raised, retracted}.
     */
    private List<FlagEvent[]> recordScoped(Scoped.Checked checked, boolean empty, Instant now,
                                           java.util.function.Function<Flag, String> causedBy) throws SQLException {
        boolean noFlags = empty || one("SELECT flag FROM flag_scope LIMIT 1") == null;
        Map<Long, Set<Scoped.Token>> in = noFlags ? new HashMap<>() : Scoped.inScope(checked);
        Map<String, Object[]> open = new HashMap<>(); // ident -> {id, body}
        selectIn("SELECT ident, id, body FROM flags WHERE id", " AND retracted_at IS NULL", new ArrayList<>(in.keySet()),
                rs -> open.put(rs.getString(1), new Object[] {rs.getLong(2), rs.getString(3)}));
        // Stored open flags re-checked with their support (retractions.csv): retracted when the check no longer raises
        // them, left as they are otherwise.
        List<Long> bySupport = checked.supported().stream().filter(id -> !in.containsKey(id)).toList();
        Set<String> raisedNow = new HashSet<>();
        if (!checked.supported().isEmpty()) {
            checked.report().flags().forEach(f -> raisedNow.add(ident(f)));
        }
        if (!bySupport.isEmpty()) {
            selectIn("SELECT ident, id, body FROM flags WHERE id", " AND retracted_at IS NULL", new ArrayList<>(bySupport),
                    rs -> {
                        if (!raisedNow.contains(rs.getString(1))) {
                            open.put(rs.getString(1), new Object[] {rs.getLong(2), rs.getString(3)});
                        }
                    });
        }
        // The flags of the check, but those stored as they are (unless compared here: a stored flag the change reaches)
        Map<String, Flag> fresh = new LinkedHashMap<>();
        Map<String, Set<Scoped.Token>> scopeOf = new HashMap<>();
        checked.trusted().forEach((f, scope) -> {
            String id = ident(f);
            if (noFlags || open.containsKey(id) || !scoper.asStored(checked, f, scope)) {
                fresh.put(id, f);
                scopeOf.put(id, scope);
            }
        });
        Set<String> elsewhere = new HashSet<>(); // open, but their stored scope was not loaded whole
        if (!noFlags) {
            Map<Long, String> missing = new HashMap<>();
            fresh.keySet().stream().filter(k -> !open.containsKey(k)).forEach(k -> missing.put(ihash(k), k));
            List<Long> found = new ArrayList<>();
            selectIn("SELECT ident, id, body FROM flags WHERE ihash", " AND retracted_at IS NULL",
                    new ArrayList<>(missing.keySet()), rs -> {
                        if (fresh.containsKey(rs.getString(1)) && !open.containsKey(rs.getString(1))) {
                            open.put(rs.getString(1), new Object[] {rs.getLong(2), rs.getString(3)});
                            elsewhere.add(rs.getString(1));
                            found.add(rs.getLong(2));
                        }
                    });
            in.putAll(scoper.scopesOf(found));
        }
        lastReadBack = open.size();
        List<FlagEvent> raised = new ArrayList<>();
        List<FlagEvent> retracted = new ArrayList<>();
        try (PreparedStatement scopeRows = connection.prepareStatement(
                "INSERT INTO flag_scope (khash, mode, flag) VALUES (?, ?, ?)");
             PreparedStatement dropScope = connection.prepareStatement("DELETE FROM flag_scope WHERE flag = ?");
             PreparedStatement dropRow = connection.prepareStatement(
                     "DELETE FROM flag_scope WHERE flag = ? AND khash = ? AND mode = ?")) {
            for (Map.Entry<String, Object[]> o : open.entrySet()) {
                long id = (Long) o.getValue()[0];
                Flag now0 = fresh.get(o.getKey());
                if (now0 == null && checked.supported().contains(id) && raisedNow.contains(o.getKey())) {
                    // Re-checked with its support and still raised, though its scope has grown past what this add
                    // loaded (a claim it names arrived later): left as it is, as a flag re-checked by support alone.
                    continue;
                }
                if (now0 == null) {
                    Flag gone = flag((String) o.getValue()[1]);
                    String by = causedBy.apply(gone);
                    update("UPDATE flags SET retracted_at = ?, retracted_by = ? WHERE id = ?", now.toEpochMilli(), by, id);
                    retracted.add(new FlagEvent(gone, now, by));
                    dropScope.setLong(1, id);
                    dropScope.addBatch();
                    continue;
                }
                String body = write(now0);
                if (!body.equals(o.getValue()[1])) {
                    update("UPDATE flags SET body = ?, sources = ? WHERE id = ?", body, sources(now0), id);
                }
                Set<Scoped.Token> scope = scopeOf.get(o.getKey());
                Set<Scoped.Token> was = in.get(id);
                if (was == null) {
                    dropScope.setLong(1, id);
                    dropScope.addBatch();
                    scoper.writeScope(scopeRows, id, scope);
                } else if (!scope.equals(was)) {
                    // only the rows that differ: a flag of a large group has thousands, and an add changes a few
                    Set<Scoped.Token> added = new HashSet<>(scope);
                    added.removeAll(was);
                    for (Scoped.Token t : was) {
                        if (!scope.contains(t)) {
                            dropRow.setLong(1, id);
                            dropRow.setLong(2, t.hash());
                            dropRow.setString(3, String.valueOf(t.mode()));
                            dropRow.addBatch();
                        }
                    }
                    scoper.writeScope(scopeRows, id, added);
                }
            }
            dropScope.executeBatch(); // before the new rows of the same flags
            dropRow.executeBatch();
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO flags (id, ident, component, code,"
                    + " severity, sources, body, pack, raised_at, raised_by, pack_digest, ihash)"
                    + " VALUES (?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                long count = fresh.keySet().stream().filter(k -> !open.containsKey(k)).count();
                long id = reserve("next_flag", count);
                int batched = 0;
                for (Map.Entry<String, Flag> f : fresh.entrySet()) {
                    if (open.containsKey(f.getKey())) {
                        continue;
                    }
                    Flag flag = f.getValue();
                    String by = causedBy.apply(flag);
                    bind(ps, new Object[] {id, f.getKey(), flag.code(), flag.severity().ordinal(), sources(flag),
                            write(flag), checker.pack().name(), now.toEpochMilli(), by, checker.pack().digest(),
                            ihash(f.getKey())});
                    ps.addBatch();
                    scoper.writeScope(scopeRows, id, scopeOf.get(f.getKey()));
                    id++;
                    if (++batched % 2_000 == 0) {
                        ps.executeBatch();
                        scopeRows.executeBatch();
                    }
                    raised.add(new FlagEvent(flag, now, by));
                }
                ps.executeBatch();
            }
            scopeRows.executeBatch();
        }
        return List.of(raised.toArray(FlagEvent[]::new), retracted.toArray(FlagEvent[]::new));
    }

    private static long ihash(String ident) {
        return Scoped.hash("ident", ident);
    }

    /**
     * A store whose derived tables were built for the other kind of pack (scopes or components) is re-indexed from its
     * documents first, inside the caller's transaction; null when nothing was needed.
     */
    private List<FlagEvent[]> reindexIfNeeded(Instant now) throws SQLException {
        String index = one("SELECT value FROM store_meta WHERE name = 'index'");
        if (index() .equals(index)) {
            return null;
        }
        if (index == null) {
            update("INSERT INTO store_meta (name, value) VALUES ('index', ?)", index());
        } else {
            update("UPDATE store_meta SET value = ? WHERE name = 'index'", index());
        }
        if (one("SELECT article FROM documents LIMIT 1") == null) {
            return null;
        }
        LOG.info("{}: the store was indexed by {}s: re-indexed by {}s from its documents", location, index, index());
        return recheckInside(checker, now, "index " + index());
    }

    /**
     * Places the new documents' facts into components: each of their own components merges with the stored components
     * whose key values it shares (and with each other when they meet the same). Writes the facts, keys and claims.
     */
    private Placed place(List<Document> docs) throws SQLException {
        FactLoader loader = new FactLoader(Hooks.tables(checker.pack())); // the pack's predicate and party tables apply
        Map<String, String> known = knownNames(loader, docs); // keys made with the pack's name tables
        Map<String, Set<String>> knownForms = knownForms(loader, docs);
        loader.knownNames(known); // stored spellings first, as an earlier batch of one session
        List<String[]> formRows = new ArrayList<>();
        knownForms.forEach((form, keys) -> keys.forEach(k -> formRows.add(new String[] {form, k})));
        loader.knownForms(formRows); // and the short forms ("Japarov") they can stand for
        loader.preResolve(docs); // then the new documents together, as one batch check would
        List<Object> facts = new ArrayList<>();
        List<String> articleOf = new ArrayList<>();
        for (Document d : docs) {
            List<Object> mine;
            try {
                mine = loader.load(d);
            } catch (InvalidDocumentException e) {
                throw new StoreException(location + ": article '" + d.article().id() + "' is rejected: "
                        + e.getMessage());
            }
            facts.addAll(mine);
            mine.forEach(f -> articleOf.add(d.article().id()));
        }
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO names (fold, ekey) VALUES (?, ?)")) {
            for (Map.Entry<String, String> e : loader.names().entrySet()) {
                if (!known.containsKey(e.getKey())) {
                    ps.setString(1, e.getKey());
                    ps.setString(2, e.getValue());
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
        writeForms(loader, knownForms);
        int n = facts.size();
        int[] root;
        List<List<String>> valuesOf = new ArrayList<>(n); // "role\0key\0value" per fact
        if (keys == null) {
            root = new int[n]; // the pack declares no join keys: everything may join everything, one component
            for (int i = 0; i < n; i++) {
                valuesOf.add(List.of("J\u001fall\u001fall"));
            }
        } else {
            JoinKeys.Lookup lookup = Partitions.lookup(facts);
            root = scoper != null ? new int[n] : Partitions.components(keys, facts); // scopes keep no components
            for (Object f : facts) {
                List<String> vs = new ArrayList<>(3);
                for (JoinKeys.Value v : keys.values(f, lookup)) {
                    vs.add(role(v.role()) + "\u001f" + v.key() + "\u001f" + v.value());
                }
                valuesOf.add(vs);
            }
        }
        if (scoper != null) {
            return placeScoped(facts, articleOf, valuesOf);
        }
        // Which stored components each of the new components meets: one look-up of every value, in chunks.
        Map<String, Set<String>> rolesByKey = new HashMap<>();
        Map<Integer, Set<String>> keysOfRoot = new HashMap<>();
        for (int i = 0; i < n; i++) {
            for (String v : valuesOf.get(i)) {
                String[] p = v.split("\u001f", 3);
                String k = p[1] + "\u001f" + p[2];
                rolesByKey.computeIfAbsent(k, x -> new HashSet<>()).add(p[0]);
                keysOfRoot.computeIfAbsent(root[i], x -> new HashSet<>()).add(k);
            }
        }
        Map<String, List<Object[]>> stored = storedKeys(rolesByKey.keySet()); // key -> [role, component]
        // union-find over the new components (by root) and the stored components they meet
        Map<Object, Object> parent = new HashMap<>();
        Set<Integer> roots = new java.util.TreeSet<>();
        for (int i = 0; i < n; i++) {
            roots.add(root[i]);
        }
        for (int r : roots) {
            for (String k : keysOfRoot.getOrDefault(r, Set.of())) {
                Set<String> mine = rolesByKey.get(k); // roles of this value among all new facts: close enough
                for (Object[] theirs : stored.getOrDefault(k, List.of())) {
                    String role = (String) theirs[0];
                    boolean joins = (mine.contains("J") && role.equals("J"))
                            || (mine.contains("A") && (role.equals("A") || role.equals("M")))
                            || (mine.contains("M") && role.equals("A")); // lookups and their uses join nothing
                    if (joins) {
                        union(parent, r, theirs[1]);
                    }
                }
            }
        }
        Map<Object, List<Long>> storedOfGroup = new HashMap<>();
        for (Object node : new ArrayList<>(parent.keySet())) {
            if (node instanceof Long c) {
                storedOfGroup.computeIfAbsent(find(parent, node), x -> new ArrayList<>()).add(c);
            }
        }
        Map<Object, Long> targetOfGroup = new HashMap<>();
        for (Map.Entry<Object, List<Long>> g : storedOfGroup.entrySet()) {
            targetOfGroup.put(g.getKey(), merge(g.getValue()));
        }
        Map<Integer, Long> targetOfRoot = new HashMap<>();
        for (int r : roots) {
            Object g = find(parent, r);
            Long t = targetOfGroup.get(g);
            if (t == null) {
                t = counter("next_component");
                targetOfGroup.put(g, t);
            }
            targetOfRoot.put(r, t);
        }
        long[] componentOf = new long[n];
        long seq = counter("next_flag");
        try (PreparedStatement fs = connection.prepareStatement(
                "INSERT INTO facts (component, article, seq, pos, type, body) VALUES (?, ?, ?, ?, ?, ?)");
             PreparedStatement ks = connection.prepareStatement(
                     "INSERT INTO join_keys (jkey, role, component, article) VALUES (?, ?, ?, ?)");
             PreparedStatement cs = connection.prepareStatement(
                     "INSERT INTO claims (id, article, component) VALUES (?, ?, ?)")) {
            Set<String> keyRows = new HashSet<>();
            for (int i = 0; i < n; i++) {
                Object f = facts.get(i);
                long c = targetOfRoot.get(root[i]);
                componentOf[i] = c;
                String article = articleOf.get(i);
                fs.setLong(1, c);
                fs.setString(2, article);
                fs.setLong(3, seq);
                fs.setInt(4, i);
                fs.setString(5, f.getClass().getSimpleName());
                fs.setString(6, json.writeValueAsString(f));
                fs.addBatch();
                for (String v : valuesOf.get(i)) {
                    String[] p = v.split("\u001f", 3);
                    if (keyRows.add(v + "\u001f" + c + "\u001f" + article)) {
                        ks.setString(1, p[1] + "\u001f" + p[2]);
                        ks.setString(2, p[0]);
                        ks.setLong(3, c);
                        ks.setString(4, article);
                        ks.addBatch();
                    }
                }
                if (f instanceof ClaimFact cf) {
                    cs.setString(1, cf.id());
                    cs.setString(2, article);
                    cs.setLong(3, c);
                    cs.addBatch();
                }
                if (i % 5_000 == 4_999) {
                    fs.executeBatch();
                    ks.executeBatch();
                    cs.executeBatch();
                }
            }
            fs.executeBatch();
            ks.executeBatch();
            cs.executeBatch();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a fact as JSON", e);
        }
        return new Placed(facts, articleOf, componentOf, new TreeSet<>(targetOfRoot.values()), seq);
    }

    /**
     * The stored keys of the documents' entity names. A document whose entity names two entities stored apart is
     * keyed by the first (stored facts are not re-keyed): logged, as a batch check would join the two.
     */
    private Map<String, String> knownNames(FactLoader loader, List<Document> docs) throws SQLException {
        Map<String, List<String>> foldsOf = new LinkedHashMap<>();
        for (Document d : docs) {
            for (org.factlint.model.Entity e : d.entities()) {
                List<String> folds = new ArrayList<>(loader.lookupKeysOf(e)); // matching keys, as names are joined
                foldsOf.put(d.article().id() + "\u001f" + e.id(), folds);
            }
        }
        Set<String> all = new LinkedHashSet<>();
        foldsOf.values().forEach(all::addAll);
        Map<String, String> known = new HashMap<>();
        selectIn("SELECT fold, ekey FROM names WHERE fold", "", new ArrayList<>(all),
                rs -> known.put(rs.getString(1), rs.getString(2)));
        for (Map.Entry<String, List<String>> e : foldsOf.entrySet()) {
            Set<String> keys = new TreeSet<>();
            e.getValue().forEach(f -> {
                if (known.containsKey(f)) {
                    keys.add(known.get(f));
                }
            });
            if (keys.size() > 1) {
                LOG.warn("{}: entity '{}' names entities stored apart ({}); it takes the key of its first name",
                        location, e.getKey().replace('\u001f', ':'), keys);
            }
        }
        return known;
    }

    /**
     * Short forms are kept in the names table too, under a key no folded name can have ({@code \u0001} and the
     * form), each with the entity keys it can stand for, separated by {@code \u001f}: a surname alone in a new
     * document joins the one stored entity of that surname, as it would in one batch check.
     */
    private static final String FORM = "\u0001";
    private static final String SEPARATOR = "\u001f";

    private Map<String, Set<String>> knownForms(FactLoader loader, List<Document> docs) throws SQLException {
        Set<String> lookups = new LinkedHashSet<>();
        docs.forEach(d -> d.entities().forEach(e -> lookups.addAll(loader.formLookupsOf(e))));
        Map<String, Set<String>> known = new HashMap<>();
        selectIn("SELECT fold, ekey FROM names WHERE fold", "", lookups.stream().map(f -> FORM + f).toList(),
                rs -> known.put(rs.getString(1).substring(FORM.length()),
                        new TreeSet<>(List.of(rs.getString(2).split(SEPARATOR)))));
        return known;
    }

    private void writeForms(FactLoader loader, Map<String, Set<String>> known) throws SQLException {
        Map<String, Set<String>> now = new HashMap<>();
        loader.forms().forEach(r -> now.computeIfAbsent(r[0], x -> new TreeSet<>()).add(r[1]));
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO names (fold, ekey) VALUES (?, ?)");
             PreparedStatement update = connection.prepareStatement("UPDATE names SET ekey = ? WHERE fold = ?")) {
            for (Map.Entry<String, Set<String>> e : now.entrySet()) {
                Set<String> before = known.get(e.getKey());
                if (e.getValue().equals(before)) {
                    continue;
                }
                String keys = String.join(SEPARATOR, e.getValue());
                if (before == null) {
                    insert.setString(1, FORM + e.getKey());
                    insert.setString(2, keys);
                    insert.addBatch();
                } else {
                    update.setString(1, keys);
                    update.setString(2, FORM + e.getKey());
                    update.addBatch();
                }
            }
            insert.executeBatch();
            update.executeBatch();
        }
    }

    private static Object find(Map<Object, Object> parent, Object x) {
        Object p = parent.computeIfAbsent(x, k -> k);
        while (!p.equals(x)) {
            Object gp = parent.get(p);
            parent.put(x, gp);
            x = p;
            p = gp;
        }
        return x;
    }

    private static void union(Map<Object, Object> parent, Object a, Object b) {
        Object ra = find(parent, a);
        Object rb = find(parent, b);
        if (!ra.equals(rb)) {
            parent.put(ra, rb);
        }
    }

    /** The stored rows of these key values: role and component. */
    private Map<String, List<Object[]>> storedKeys(Set<String> values) throws SQLException {
        Map<String, List<Object[]>> out = new HashMap<>();
        if (one("SELECT jkey FROM join_keys LIMIT 1") == null) {
            return out; // an empty store: nothing to meet (the bulk load of an archive)
        }
        List<String> all = new ArrayList<>(values);
        for (int from = 0; from < all.size(); from += IN_CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + IN_CHUNK));
            String sql = "SELECT jkey, role, component FROM join_keys WHERE jkey IN (" + marks(chunk.size()) + ")";
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                bind(ps, chunk.toArray());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                                .add(new Object[] {rs.getString(2), rs.getLong(3)});
                    }
                }
            }
        }
        return out;
    }

    private static String role(JoinKeys.Role role) {
        return switch (role) {
            case JOIN -> "J";
            case ANCHOR -> "A";
            case MEMBER -> "M";
            case LOOKUP -> "L";
            case USES -> "U";
        };
    }

    /** Merges components into the smallest of them; returns it. */
    private long merge(java.util.Collection<Long> components) throws SQLException {
        long target = components.stream().mapToLong(Long::longValue).min().orElseThrow();
        List<Long> others = components.stream().filter(c -> c != target).distinct().toList();
        for (int from = 0; from < others.size(); from += IN_CHUNK) {
            List<Long> chunk = others.subList(from, Math.min(others.size(), from + IN_CHUNK));
            for (String table : List.of("join_keys", "claims", "flags", "facts")) {
                update("UPDATE " + table + " SET component = ? WHERE component IN (" + marks(chunk.size()) + ")",
                        prepend(target, chunk));
            }
        }
        return target;
    }

    /** The facts to check: the stored facts of the affected components, then the new documents' facts. */
    private record Loaded(List<Object> facts, int claims, Map<String, Long> componentOfClaim, int articles) {
    }

    private Loaded load(Set<Long> affected, Placed placed) throws SQLException {
        Set<String> fresh = new HashSet<>(placed.articleOf());
        List<Object> facts = new ArrayList<>();
        List<String> articleOf = new ArrayList<>();
        Map<String, Long> componentOfClaim = new HashMap<>();
        List<Object[]> rows = new ArrayList<>(); // seq, pos, article, type, body, component
        // the new documents' facts are in memory already (written with seq = placed.seq())
        for (Object[] r : storedFacts(affected, placed.seq())) {
            if (!fresh.contains((String) r[2])) {
                rows.add(r);
            }
        }
        if (keys != null) {
            rows.addAll(lookups(rows, placed, affected));
        }
        rows.sort(java.util.Comparator.<Object[], Long>comparing(r -> (Long) r[0]).thenComparing(r -> (Integer) r[1]));
        for (Object[] r : rows) {
            Object f = fact((String) r[3], (String) r[4]);
            facts.add(f);
            articleOf.add((String) r[2]);
            if (f instanceof ClaimFact c) {
                componentOfClaim.put(c.id(), (Long) r[5]);
            }
        }
        for (int i = 0; i < placed.facts().size(); i++) {
            Object f = placed.facts().get(i);
            facts.add(f);
            articleOf.add(placed.articleOf().get(i));
            if (f instanceof ClaimFact c) {
                componentOfClaim.put(c.id(), placed.componentOf()[i]);
            }
        }
        List<Object> out = firstDeclarations(facts, articleOf);
        int claims = (int) out.stream().filter(f -> f instanceof ClaimFact).count();
        return new Loaded(out, claims, componentOfClaim, new HashSet<>(articleOf).size());
    }

    /** As one loader would: an entity's facts (and its group memberships) from the first document that declares it. */
    static List<Object> firstDeclarations(List<Object> facts, List<String> articleOf) {
        List<Object> out = new ArrayList<>(facts.size());
        Set<String> entities = new HashSet<>();
        Set<String> dropped = new HashSet<>(); // article \0 entity key whose declaration came too late
        for (int i = 0; i < facts.size(); i++) {
            Object f = facts.get(i);
            if (f instanceof org.factlint.facts.EntityFact e && !entities.add(e.key())) {
                dropped.add(articleOf.get(i) + "\u001f" + e.key());
                continue;
            }
            if (f instanceof org.factlint.facts.MemberFact m && dropped.contains(articleOf.get(i) + "\u001f" + m.member())) {
                continue;
            }
            out.add(f);
        }
        return out;
    }

    /**
     * The stored lookup facts (entities, group memberships) the loaded and new facts use, from outside the affected
     * components: reference data is copied where it is used, never merged (see {@link JoinKeys.Role#LOOKUP}).
     */
    private List<Object[]> lookups(List<Object[]> rows, Placed placed, Set<Long> affected) throws SQLException {
        List<Object> all = new ArrayList<>(placed.facts());
        for (Object[] r : rows) {
            all.add(fact((String) r[3], (String) r[4]));
        }
        JoinKeys.Lookup lookup = Partitions.lookup(all);
        Set<String> used = new LinkedHashSet<>();
        for (Object f : all) {
            for (JoinKeys.Value v : keys.values(f, lookup)) {
                if (v.role() == JoinKeys.Role.USES) {
                    used.add(v.key() + "\u001f" + v.value());
                }
            }
        }
        Set<Long> components = new TreeSet<>();
        List<String> list = new ArrayList<>(used);
        for (int from = 0; from < list.size(); from += IN_CHUNK) {
            List<String> chunk = list.subList(from, Math.min(list.size(), from + IN_CHUNK));
            try (PreparedStatement ps = connection.prepareStatement("SELECT component FROM join_keys WHERE role = 'L'"
                    + " AND jkey IN (" + marks(chunk.size()) + ")")) {
                bind(ps, chunk.toArray());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (!affected.contains(rs.getLong(1))) {
                            components.add(rs.getLong(1));
                        }
                    }
                }
            }
        }
        return storedFacts(components, placed.seq());
    }

    /** The stored facts of some components, but those written by add {@code seq}: {seq, pos, article, type, body, component}. */
    private List<Object[]> storedFacts(java.util.Collection<Long> components, long seq) throws SQLException {
        List<Object[]> out = new ArrayList<>();
        selectIn("SELECT seq, pos, article, type, body, component FROM facts WHERE component", " AND seq <> ?",
                new ArrayList<>(components), List.of(seq), rs -> out.add(new Object[] {rs.getLong(1), rs.getInt(2),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getLong(6)}));
        return out;
    }

    private Object fact(String type, String body) {
        return Scoped.fact(json, location, type, body);
    }

    private Document document(String article, String body) {
        Batch b = DocumentReader.readJson(article, body.getBytes(StandardCharsets.UTF_8));
        if (b.documents().size() != 1) {
            throw new StoreException(location + ": stored article '" + article + "' cannot be read back: "
                    + b.errors());
        }
        return b.documents().get(0);
    }

    /**
     * Compares the check's flags of the affected components with their open flags; records raised and retracted.
     * Returns {raised, retracted}.
     */
    private List<FlagEvent[]> record(Set<Long> affected, List<Flag> flags, Map<String, Long> componentOfClaim,
                                     Instant now, java.util.function.Function<Flag, String> causedBy)
            throws SQLException {
        Map<String, Flag> fresh = new LinkedHashMap<>();
        for (Flag f : flags) {
            Long c = componentOfClaim.get(f.claims().get(0));
            if (c != null && affected.contains(c)) {
                fresh.put(ident(f), f);
            }
        }
        Map<String, Object[]> open = new HashMap<>(); // ident -> {id, body}
        selectIn("SELECT ident, id, body FROM flags WHERE component", " AND retracted_at IS NULL",
                new ArrayList<>(affected), rs -> open.put(rs.getString(1), new Object[] {rs.getLong(2), rs.getString(3)}));
        List<FlagEvent> raised = new ArrayList<>();
        List<FlagEvent> retracted = new ArrayList<>();
        for (Map.Entry<String, Object[]> o : open.entrySet()) {
            Flag now0 = fresh.get(o.getKey());
            if (now0 == null) {
                Flag gone = flag((String) o.getValue()[1]);
                String by = causedBy.apply(gone);
                update("UPDATE flags SET retracted_at = ?, retracted_by = ? WHERE id = ?", now.toEpochMilli(), by,
                        o.getValue()[0]);
                retracted.add(new FlagEvent(gone, now, by));
            } else {
                String body = write(now0);
                if (!body.equals(o.getValue()[1])) {
                    // the same finding, worded anew (a source named differently): no new event
                    update("UPDATE flags SET body = ?, sources = ? WHERE id = ?", body, sources(now0), o.getValue()[0]);
                }
            }
        }
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO flags (id, ident, component, code,"
                + " severity, sources, body, pack, raised_at, raised_by, pack_digest)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int batched = 0;
            long count = fresh.keySet().stream().filter(k -> !open.containsKey(k)).count();
            long id = reserve("next_flag", count);
            for (Map.Entry<String, Flag> f : fresh.entrySet()) {
                if (open.containsKey(f.getKey())) {
                    continue;
                }
                Flag flag = f.getValue();
                String by = causedBy.apply(flag);
                bind(ps, new Object[] {id++, f.getKey(), componentOfClaim.get(flag.claims().get(0)),
                        flag.code(), flag.severity().ordinal(), sources(flag), write(flag), checker.pack().name(),
                        now.toEpochMilli(), by, checker.pack().digest()});
                ps.addBatch();
                if (++batched % 5_000 == 0) {
                    ps.executeBatch();
                }
                raised.add(new FlagEvent(flag, now, by));
            }
            ps.executeBatch();
        }
        return List.of(raised.toArray(FlagEvent[]::new), retracted.toArray(FlagEvent[]::new));
    }

    /** A flag's identity: the same rule on the same claims for the same words (one rule may flag a claim twice). */
    static String ident(Flag f) {
        return f.code() + "\u001f" + f.rule() + "\u001f" + String.join(",", f.claims()) + "\u001f"
                + String.join("\u0001", f.evidence());
    }

    private static String sources(Flag f) {
        return "," + String.join(",", f.sources()) + ",";
    }

    @Override
    public synchronized Recheck recheck(Checker with) {
        checkOpen();
        Checker before = checker;
        try {
            begin();
            Instant now = clock.instant();
            String by = with.pack().digest().equals(before.pack().digest()) ? "clock " + now
                    : "pack " + with.pack().name() + " " + with.pack().digest().substring(0, 12);
            int documents = count("SELECT COUNT(*) FROM documents", false);
            List<FlagEvent[]> events = recheckInside(with, now, by);
            connection.commit();
            LOG.info("{}: re-checked {} documents with pack {} on the clock {}: {} raised, {} retracted", location,
                    documents, with.pack().name(), now, events.get(0).length, events.get(1).length);
            return new Recheck(with.pack().name(), with.pack().digest(), now, documents,
                    java.util.Arrays.stream(events.get(0)).sorted(java.util.Comparator.comparing(FlagEvent::flag)).toList(),
                    java.util.Arrays.stream(events.get(1)).sorted(java.util.Comparator.comparing(FlagEvent::flag)).toList());
        } catch (SQLException e) {
            configure(before);
            rollbackQuietly();
            throw Stores.explain(location, "cannot re-check", e);
        } catch (RuntimeException e) {
            configure(before);
            rollbackQuietly();
            throw e;
        }
    }

    /**
     * Re-checks every stored document with a checker inside the caller's transaction: the derived tables rebuilt for
     * its pack (components or scopes), open flags compared with one check of everything. Returns {raised, retracted}.
     */
    private List<FlagEvent[]> recheckInside(Checker with, Instant now, String by) throws SQLException {
        configure(with);
        StoreRecheck.Result r = new StoreRecheck(connection, location).run(this::placeAll, with, now);
        if (!r.report().complete()) {
            throw new StoreException(location + ": not re-checked: the rules did not run to the end ("
                    + r.report().problems().get(0) + ")");
        }
        List<FlagEvent[]> events = record(r.affected(), r.report().flags(), r.componentOfClaim(), now, f -> by);
        update("UPDATE flags SET pack = ?, pack_digest = ? WHERE retracted_at IS NULL", with.pack().name(),
                with.pack().digest()); // every open flag was checked by this pack just now
        if (scoper != null) {
            // every open flag is one of this check's: its scope and identity hash, for the adds to come
            Map<String, Long> idOf = new HashMap<>();
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT ident, id FROM flags WHERE retracted_at IS NULL"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    idOf.put(rs.getString(1), rs.getLong(2));
                }
            }
            Scoped.ScopeIndex index = scoper.new ScopeIndex(r.facts(), r.report().flags());
            try (PreparedStatement rows = connection.prepareStatement(
                    "INSERT INTO flag_scope (khash, mode, flag) VALUES (?, ?, ?)");
                 PreparedStatement hash = connection.prepareStatement("UPDATE flags SET ihash = ? WHERE id = ?")) {
                int batched = 0;
                for (Flag f : r.report().flags()) {
                    Long id = idOf.get(ident(f));
                    if (id == null) {
                        continue; // not stored (a flag of the same identity twice)
                    }
                    scoper.writeScope(rows, id, index.scope(f));
                    hash.setLong(1, ihash(ident(f)));
                    hash.setLong(2, id);
                    hash.addBatch();
                    if (++batched % 2_000 == 0) {
                        rows.executeBatch();
                        hash.executeBatch();
                    }
                }
                rows.executeBatch();
                hash.executeBatch();
            }
        }
        String index = one("SELECT value FROM store_meta WHERE name = 'index'");
        if (index == null) {
            update("INSERT INTO store_meta (name, value) VALUES ('index', ?)", index());
        } else {
            update("UPDATE store_meta SET value = ? WHERE name = 'index'", index());
        }
        return events;
    }

    /** Places documents anew (the derived tables were emptied) and loads them for one check. */
    private StoreRecheck.Placement placeAll(List<Document> docs) throws SQLException {
        Placed placed = place(docs);
        Loaded loaded = load(placed.components(), placed);
        return new StoreRecheck.Placement(loaded.facts(), loaded.claims(), loaded.componentOfClaim(),
                placed.components());
    }

    @Override
    public synchronized List<StoredFlag> flags(FlagQuery q) {
        checkOpen();
        StringBuilder sql = new StringBuilder("SELECT body, raised_at, raised_by, retracted_at, retracted_by, pack,"
                + " pack_digest FROM flags WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (q.openOnly()) {
            sql.append(" AND retracted_at IS NULL");
        }
        if (q.code() != null) {
            sql.append(" AND code = ?");
            args.add(q.code());
        }
        if (q.severity() != null) {
            sql.append(" AND severity >= ?");
            args.add(q.severity().ordinal());
        }
        if (q.source() != null) {
            sql.append(" AND sources LIKE ?");
            args.add("%," + q.source().replace("%", "").replace("_", "") + ",%");
        }
        if (q.olderThan() != null) {
            sql.append(" AND raised_at < ?");
            args.add(clock.instant().minus(q.olderThan()).toEpochMilli());
        }
        sql.append(" ORDER BY raised_at, id");
        List<StoredFlag> out = new ArrayList<>();
        try {
            try (PreparedStatement ps = connection.prepareStatement(sql.toString())) {
                bind(ps, args.toArray());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long retractedAt = rs.getLong(4);
                        boolean retracted = !rs.wasNull();
                        Flag f = flag(rs.getString(1));
                        if (q.source() != null && !f.sources().contains(q.source())) {
                            continue; // LIKE matched more than the exact id ('_' and '%' dropped above)
                        }
                        out.add(new StoredFlag(f, Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3),
                                retracted ? Instant.ofEpochMilli(retractedAt) : null, rs.getString(5), rs.getString(6),
                                rs.getString(7)));
                    }
                }
            }
            connection.rollback(); // reads only: end the read transaction so writers are not held up
        } catch (SQLException e) {
            rollbackQuietly();
            throw Stores.explain(location, "cannot list flags", e);
        }
        return out;
    }

    @Override
    public synchronized List<Document> all() {
        checkOpen();
        List<Document> docs = new ArrayList<>();
        try {
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT article, body FROM documents ORDER BY added_seq"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    docs.add(document(rs.getString(1), rs.getString(2)));
                }
            }
            connection.rollback();
        } catch (SQLException e) {
            rollbackQuietly();
            throw Stores.explain(location, "cannot read the documents", e);
        }
        return docs;
    }

    @Override
    public synchronized int documents() {
        return count("SELECT COUNT(*) FROM documents");
    }

    @Override
    public synchronized int claims() {
        return count("SELECT COUNT(*) FROM claims");
    }

    private int count(String sql) {
        return count(sql, true);
    }

    private int count(String sql, boolean alone) {
        checkOpen();
        try {
            String v = one(sql);
            if (alone) {
                connection.rollback();
            }
            return Integer.parseInt(v);
        } catch (SQLException e) {
            rollbackQuietly();
            throw Stores.explain(location, "cannot count", e);
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            try {
                connection.rollback();
                connection.close();
            } catch (SQLException e) {
                LOG.warn("{}: closing: {}", location, e.getMessage());
            }
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the claim store " + location + " is closed");
        }
    }

    // --- small JDBC helpers ---

    private long counter(String name) throws SQLException {
        return reserve(name, 1);
    }

    /** The first of {@code n} numbers of a counter, taken in this transaction. */
    private long reserve(String name, long n) throws SQLException {
        long v = Long.parseLong(one("SELECT value FROM store_meta WHERE name = ?", name));
        update("UPDATE store_meta SET value = ? WHERE name = ?", Long.toString(v + n), name);
        return v;
    }

    private String one(String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private List<Long> longs(String sql, Object... args) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        }
        return out;
    }

    private int update(String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        }
    }

    private static void bind(PreparedStatement ps, Object[] args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
    }

    private static Object[] prepend(Object first, List<?> rest) {
        Object[] out = new Object[rest.size() + 1];
        out[0] = first;
        for (int i = 0; i < rest.size(); i++) {
            out[i + 1] = rest.get(i);
        }
        return out;
    }

    /** Reads each row of a result. */
    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    /** Runs {@code head + " IN (?, ...)" + tail} over {@code values} in chunks the drivers accept, row by row. */
    private void selectIn(String head, String tail, List<?> values, RowReader reader) throws SQLException {
        selectIn(head, tail, values, List.of(), reader);
    }

    /** As above, with {@code tailArgs} bound to the placeholders of {@code tail}. */
    private void selectIn(String head, String tail, List<?> values, List<?> tailArgs, RowReader reader)
            throws SQLException {
        for (int from = 0; from < values.size(); from += IN_CHUNK) {
            List<Object> args = new ArrayList<>(values.subList(from, Math.min(values.size(), from + IN_CHUNK)));
            int n = args.size();
            args.addAll(tailArgs);
            try (PreparedStatement ps = connection.prepareStatement(head + " IN (" + marks(n) + ")" + tail)) {
                bind(ps, args.toArray());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        reader.read(rs);
                    }
                }
            }
        }
    }

    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.debug("{}: rollback failed: {}", location, e.getMessage());
            if (!postgres) {
                // SQLite rolls back by itself on some errors (SQLITE_FULL: a full disk) without the driver knowing, and
                // the driver's rollback then fails before it opens the next transaction: open it here, or the next add
                // would run statement by statement and could be written half.
                try (Statement s = connection.createStatement()) {
                    s.execute("BEGIN");
                } catch (SQLException again) {
                    LOG.debug("{}: cannot begin again: {}", location, again.getMessage());
                }
            }
        }
    }

    private String write(Flag f) {
        try {
            return json.writeValueAsString(f);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a flag as JSON", e);
        }
    }

    private Flag flag(String body) {
        try {
            return json.readValue(body, Flag.class);
        } catch (JsonProcessingException e) {
            throw new StoreException(location + ": a stored flag cannot be read back: " + e.getOriginalMessage());
        }
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
