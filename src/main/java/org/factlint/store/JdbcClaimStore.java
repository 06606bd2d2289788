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
    /** Key of the store-internal name space: entities spelled alike share their facts' component (the loader's keys). */
    private static final String NAME_KEY = "name";

    private final Connection connection;
    private final String location;
    private final Checker checker;
    private final JoinKeys keys;
    private final Clock clock;
    private final boolean postgres;
    private final ObjectMapper json = Json.mapper();
    private boolean closed;

    JdbcClaimStore(Connection connection, String location, Checker checker, Clock clock) throws SQLException {
        this.connection = connection;
        this.location = location;
        this.checker = checker;
        this.keys = Hooks.joins(checker.pack());
        this.clock = clock;
        this.postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT)
                .contains("postgres");
        connection.setAutoCommit(false);
    }

    @Override
    public String location() {
        return location;
    }

    @Override
    public synchronized Change add(Document document) {
        checkOpen();
        String article = document.article().id();
        String body = DocumentWriter.json(document);
        String digest = digest(body);
        try {
            begin();
            String stored = one("SELECT digest FROM documents WHERE article = ?", article);
            if (digest.equals(stored)) {
                connection.rollback();
                return new Change(article, Change.Outcome.UNCHANGED, List.of(), List.of(), 0);
            }
            Instant now = clock.instant();
            Set<Long> affected = new TreeSet<>();
            if (stored != null) {
                affected.addAll(longs("SELECT component FROM components WHERE article = ?", article));
                for (String table : List.of("components", "join_keys", "claims", "documents")) {
                    update("DELETE FROM " + table + " WHERE article = ?", article);
                }
            }
            // The document first: then what it meets.
            long seq = counter("next_flag"); // an increasing number: the order of arrival
            update("INSERT INTO documents (article, digest, body, claims, added_at, added_seq) VALUES (?, ?, ?, ?, ?, ?)",
                    article, digest, body, document.claims().size(), now.toEpochMilli(), seq);
            affected.addAll(place(document));
            List<Document> together = documentsOf(affected);
            Report report = checker.check(together);
            List<InputError> mine = report.errors().stream().filter(e -> e.file().equals("article '" + article + "'"))
                    .toList();
            if (!mine.isEmpty()) {
                connection.rollback();
                throw new StoreException(location + ": article '" + article + "' is rejected: "
                        + String.join("; ", mine.stream().map(InputError::message).toList()));
            }
            if (!report.complete()) {
                connection.rollback();
                throw new StoreException(location + ": article '" + article + "' is not stored: the rules did not run"
                        + " to the end (" + report.problems().get(0) + ")");
            }
            Change change = record(article, stored == null ? Change.Outcome.ADDED : Change.Outcome.REPLACED, affected,
                    report.flags(), now, together.size());
            connection.commit();
            LOG.debug("{}: added article '{}': checked with {} documents, {} raised, {} retracted", location, article,
                    together.size(), change.raised().size(), change.retracted().size());
            return change;
        } catch (SQLException e) {
            rollbackQuietly();
            throw Stores.explain(location, "cannot add article '" + article + "'", e);
        } catch (RuntimeException e) {
            rollbackQuietly();
            throw e;
        }
    }

    private void begin() throws SQLException {
        if (postgres) {
            // one adder at a time across processes: components are read, merged and written as one step
            try (Statement s = connection.createStatement()) {
                s.execute("SELECT pg_advisory_xact_lock(72057594037927)");
            }
        } else {
            // SQLite: the connection's transactions are IMMEDIATE (see Stores), so the write lock is taken here
            update("UPDATE store_meta SET value = value WHERE name = 'next_component'");
        }
    }

    /**
     * Places the document's facts into components: each of its own components merges with the stored components whose
     * key values it shares. Returns the components the document is now in.
     */
    private Set<Long> place(Document document) throws SQLException {
        String article = document.article().id();
        FactLoader loader = new FactLoader();
        loader.preResolve(List.of(document));
        List<Object> facts;
        try {
            facts = loader.load(document);
        } catch (InvalidDocumentException e) {
            throw new StoreException(location + ": article '" + article + "' is rejected: " + e.getMessage());
        }
        if (keys == null) {
            // the pack declares no join keys: everything may join everything, one component
            List<Long> all = longs("SELECT DISTINCT component FROM components");
            long target = all.isEmpty() ? counter("next_component") : merge(all);
            joinComponent(target, article);
            for (Object f : facts) {
                if (f instanceof ClaimFact c) {
                    update("INSERT INTO claims (id, article, component) VALUES (?, ?, ?)", c.id(), article, target);
                }
            }
            return Set.of(target);
        }
        JoinKeys.Lookup lookup = Partitions.lookup(facts);
        int[] root = Partitions.components(keys, facts);
        Map<Integer, Set<String>> valuesOf = new LinkedHashMap<>(); // "role\0key\0value"
        Map<Integer, List<String>> claimsOf = new HashMap<>();
        for (int i = 0; i < facts.size(); i++) {
            Object f = facts.get(i);
            Set<String> vs = valuesOf.computeIfAbsent(root[i], k -> new LinkedHashSet<>());
            for (JoinKeys.Value v : keys.values(f, lookup)) {
                vs.add(role(v.role()) + "\u0000" + v.key() + "\u0000" + v.value());
            }
            if (f instanceof ClaimFact c) {
                claimsOf.computeIfAbsent(root[i], k -> new ArrayList<>()).add(c.id());
            } else if (f instanceof org.factlint.facts.EntityFact e) {
                // the loader resolves names across documents: entities spelled alike must be loaded together
                vs.add("J\u0000" + NAME_KEY + "\u0000" + e.key());
            }
        }
        Set<Long> placed = new TreeSet<>();
        for (Map.Entry<Integer, Set<String>> c : valuesOf.entrySet()) {
            Set<Long> met = met(c.getValue());
            long target = met.isEmpty() ? counter("next_component") : merge(met);
            placed.add(target);
            joinComponent(target, article);
            for (String v : c.getValue()) {
                String[] p = v.split("\u0000", 3);
                update("INSERT INTO join_keys (jkey, role, component, article) VALUES (?, ?, ?, ?)",
                        p[1] + "\u0000" + p[2], p[0], target, article);
            }
            for (String id : claimsOf.getOrDefault(c.getKey(), List.of())) {
                update("INSERT INTO claims (id, article, component) VALUES (?, ?, ?)", id, article, target);
            }
        }
        // two of the document's components may have met one stored component: they were merged into it in turn, so
        // the earlier targets may now be gone; the latest component of every claim and key is what counts
        return new TreeSet<>(longs("SELECT DISTINCT component FROM components WHERE article = ?", article));
    }

    private void joinComponent(long component, String article) throws SQLException {
        update("INSERT INTO components (component, article) SELECT ?, ? WHERE NOT EXISTS"
                + " (SELECT 1 FROM components WHERE component = ? AND article = ?)", component, article, component, article);
    }

    private static String role(JoinKeys.Role role) {
        return switch (role) {
            case JOIN -> "J";
            case ANCHOR -> "A";
            case MEMBER -> "M";
        };
    }

    /** The stored components sharing a value: J with J, an anchor with anchors and members, a member with anchors. */
    private Set<Long> met(Set<String> values) throws SQLException {
        Map<String, Set<String>> rolesByKey = new HashMap<>();
        for (String v : values) {
            String[] p = v.split("\u0000", 3);
            rolesByKey.computeIfAbsent(p[1] + "\u0000" + p[2], k -> new HashSet<>()).add(p[0]);
        }
        Set<Long> met = new TreeSet<>();
        List<String> all = new ArrayList<>(rolesByKey.keySet());
        for (int from = 0; from < all.size(); from += IN_CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + IN_CHUNK));
            String sql = "SELECT jkey, role, component FROM join_keys WHERE jkey IN (" + marks(chunk.size()) + ")";
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                bind(ps, chunk.toArray());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Set<String> mine = rolesByKey.get(rs.getString(1));
                        String theirs = rs.getString(2);
                        boolean joins = (mine.contains("J") && theirs.equals("J"))
                                || (mine.contains("A") && !theirs.equals("J"))
                                || (mine.contains("M") && theirs.equals("A"));
                        if (joins) {
                            met.add(rs.getLong(3));
                        }
                    }
                }
            }
        }
        return met;
    }

    /** Merges components into the smallest of them; returns it. */
    private long merge(java.util.Collection<Long> components) throws SQLException {
        long target = components.stream().mapToLong(Long::longValue).min().orElseThrow();
        List<Long> others = components.stream().filter(c -> c != target).distinct().toList();
        for (int from = 0; from < others.size(); from += IN_CHUNK) {
            List<Long> chunk = others.subList(from, Math.min(others.size(), from + IN_CHUNK));
            for (String table : List.of("join_keys", "claims", "flags")) {
                update("UPDATE " + table + " SET component = ? WHERE component IN (" + marks(chunk.size()) + ")",
                        prepend(target, chunk));
            }
            // a document in two merged components: keep one row
            update("DELETE FROM components WHERE component IN (" + marks(chunk.size()) + ") AND article IN "
                    + "(SELECT article FROM components WHERE component = ?)", append(chunk, target));
            update("UPDATE components SET component = ? WHERE component IN (" + marks(chunk.size()) + ")",
                    prepend(target, chunk));
        }
        return target;
    }

    private List<Document> documentsOf(Set<Long> components) throws SQLException {
        List<Object> ids = new ArrayList<>(components);
        Set<String> articles = new TreeSet<>();
        for (int from = 0; from < ids.size(); from += IN_CHUNK) {
            List<Object> chunk = ids.subList(from, Math.min(ids.size(), from + IN_CHUNK));
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT DISTINCT article FROM components WHERE component IN (" + marks(chunk.size()) + ")")) {
                bind(ps, chunk.toArray());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        articles.add(rs.getString(1));
                    }
                }
            }
        }
        List<Document> docs = new ArrayList<>(articles.size());
        List<Object> names = new ArrayList<>(articles);
        for (int from = 0; from < names.size(); from += IN_CHUNK) {
            List<Object> chunk = names.subList(from, Math.min(names.size(), from + IN_CHUNK));
            try (PreparedStatement ps = connection.prepareStatement("SELECT article, body FROM documents WHERE article IN ("
                    + marks(chunk.size()) + ") ORDER BY added_seq")) {
                bind(ps, chunk.toArray());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        docs.add(document(rs.getString(1), rs.getString(2)));
                    }
                }
            }
        }
        return docs;
    }

    private Document document(String article, String body) {
        Batch b = DocumentReader.readJson(article, body.getBytes(StandardCharsets.UTF_8));
        if (b.documents().size() != 1) {
            throw new StoreException(location + ": stored article '" + article + "' cannot be read back: "
                    + b.errors());
        }
        return b.documents().get(0);
    }

    /** Compares the check's flags of the affected components with their open flags; records raised and retracted. */
    private Change record(String article, Change.Outcome outcome, Set<Long> affected, List<Flag> flags, Instant now,
                          int checked) throws SQLException {
        Map<String, Long> componentOfClaim = new HashMap<>();
        Map<String, Flag> fresh = new LinkedHashMap<>();
        for (Flag f : flags) {
            String first = f.claims().get(0);
            Long c = componentOfClaim.get(first);
            if (c == null) {
                String v = one("SELECT component FROM claims WHERE id = ?", first);
                c = v == null ? -1L : Long.parseLong(v);
                componentOfClaim.put(first, c);
            }
            if (affected.contains(c)) {
                fresh.put(ident(f), f);
            }
        }
        // only the affected components' flags are compared: the other documents' other components were not all loaded
        Set<Long> current = affected;
        Map<String, Object[]> open = new HashMap<>(); // ident -> {id, body}
        List<Object> ids = new ArrayList<>(current);
        for (int from = 0; from < ids.size(); from += IN_CHUNK) {
            List<Object> chunk = ids.subList(from, Math.min(ids.size(), from + IN_CHUNK));
            try (PreparedStatement ps = connection.prepareStatement("SELECT ident, id, body FROM flags WHERE component IN ("
                    + marks(chunk.size()) + ") AND retracted_at IS NULL")) {
                bind(ps, chunk.toArray());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        open.put(rs.getString(1), new Object[] {rs.getLong(2), rs.getString(3)});
                    }
                }
            }
        }
        List<FlagEvent> raised = new ArrayList<>();
        List<FlagEvent> retracted = new ArrayList<>();
        for (Map.Entry<String, Object[]> o : open.entrySet()) {
            Flag now0 = fresh.get(o.getKey());
            if (now0 == null) {
                update("UPDATE flags SET retracted_at = ?, retracted_by = ? WHERE id = ?", now.toEpochMilli(), article,
                        o.getValue()[0]);
                retracted.add(new FlagEvent(flag((String) o.getValue()[1]), now, article));
            } else {
                String body = write(now0);
                if (!body.equals(o.getValue()[1])) {
                    // the same finding, worded anew (a spelling more, a source named differently): no new event
                    update("UPDATE flags SET body = ?, sources = ? WHERE id = ?", body, sources(now0), o.getValue()[0]);
                }
            }
        }
        for (Map.Entry<String, Flag> f : fresh.entrySet()) {
            if (open.containsKey(f.getKey())) {
                continue;
            }
            Flag flag = f.getValue();
            long component = componentOfClaim.get(flag.claims().get(0));
            update("INSERT INTO flags (id, ident, component, code, severity, sources, body, pack, raised_at, raised_by)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", counter("next_flag"), f.getKey(), component,
                    flag.code(), flag.severity().ordinal(), sources(flag), write(flag), checker.pack().name(),
                    now.toEpochMilli(), article);
            raised.add(new FlagEvent(flag, now, article));
        }
        raised.sort(java.util.Comparator.comparing(FlagEvent::flag));
        retracted.sort(java.util.Comparator.comparing(FlagEvent::flag));
        return new Change(article, outcome, raised, retracted, checked);
    }

    /** A flag's identity: the same rule on the same claims for the same words (one rule may flag a claim twice). */
    private static String ident(Flag f) {
        return f.code() + "\u0000" + f.rule() + "\u0000" + String.join(",", f.claims()) + "\u0000"
                + String.join("\u0001", f.evidence());
    }

    private static String sources(Flag f) {
        return "," + String.join(",", f.sources()) + ",";
    }

    @Override
    public synchronized List<StoredFlag> flags(FlagQuery q) {
        checkOpen();
        StringBuilder sql = new StringBuilder("SELECT body, raised_at, raised_by, retracted_at, retracted_by, pack"
                + " FROM flags WHERE 1 = 1");
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
                                retracted ? Instant.ofEpochMilli(retractedAt) : null, rs.getString(5), rs.getString(6)));
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
        checkOpen();
        try {
            String v = one(sql);
            connection.rollback();
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
        long v = Long.parseLong(one("SELECT value FROM store_meta WHERE name = ?", name));
        update("UPDATE store_meta SET value = ? WHERE name = ?", Long.toString(v + 1), name);
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

    private static Object[] append(List<?> first, Object last) {
        Object[] out = new Object[first.size() + 1];
        for (int i = 0; i < first.size(); i++) {
            out[i] = first.get(i);
        }
        out[first.size()] = last;
        return out;
    }

    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.debug("{}: rollback failed: {}", location, e.getMessage());
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
