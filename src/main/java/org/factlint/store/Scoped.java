package org.factlint.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.factlint.Checker;
import org.factlint.Flag;
import org.factlint.Report;
import org.factlint.facts.ClaimFact;
import org.factlint.internal.FactLoader;
import org.factlint.internal.Hooks;
import org.factlint.internal.JoinKeys;
import org.factlint.internal.Partitions;
import org.factlint.internal.Scopes;

/**
 * An add checked within scopes ({@link Scopes}, the pack's {@code scopes.csv}) instead of whole components. The new
 * documents' key values name the stored groups to load; a check of the new facts with those groups is trusted for a
 * flag only when every group of the flag's scope was loaded whole; a flag the new documents can change (its scope
 * shares a value with them) whose scope was not loaded whole has its scope loaded, and the check runs again, until no
 * such flag is left. Stored open flags are compared only when their scope was loaded whole; the others stay.
 *
 * <p>Groups are looked up in {@code fact_keys} by a 64-bit hash of key and value (a collision loads a few facts too
 * many, which changes no flag of a scope loaded whole); open flags' scopes are in {@code flag_scope}.
 */
final class Scoped {
    /** Mode of a token: the whole group of the value, or its anchors only (what a member meets). */
    static final char WHOLE = '*';
    static final char ANCHORS = 'A';
    /**
     * Mode of a support token (retractions.csv): a group that brings what raises a flag an add can only retract,
     * loaded whole to re-check the stored flag without its whole scope. It decides no reach.
     */
    static final char SUPPORT = 'S';

    /** One group of one value: its hash and what of it. */
    record Token(long hash, char mode) {
    }

    /** A stored fact: (seq, pos) and its article, read back. */
    record Stored(long seq, int pos, String article, Object fact) {
    }

    /** The outcome of the check: the facts checked, the report, the groups loaded, the flags trusted with their scope. */
    record Checked(Report report, List<Object> facts, int claims, int articles, Map<Long, Character> loaded,
                   Map<Flag, Set<Token>> trusted, int rounds, Set<Long> supported, Map<Long, Set<Token>> reached,
                   Map<Long, Set<Character>> changed) {
    }

    /** The new documents' facts as placed: each with its article and key values ("role\u001fkey\u001fvalue"). */
    record Fresh(List<Object> facts, List<String> articleOf, List<List<String>> valuesOf, long seq) {
    }

    private static final int CHUNK = 400;

    private final Connection connection;
    private final String location;
    private final JoinKeys keys;
    private final Scopes scopes;
    private final ObjectMapper json;
    /** The CPU time of the add being checked, by phase. */
    private Phases phases = new Phases();
    /**
     * Stored facts parsed by earlier adds, by row ("seq:pos"), with the JSON they were parsed from: an entry is used
     * only when the row's body is that JSON, so a row number used again (a rolled-back add's) never gives a stale
     * fact. The facts are records (immutable), so one may be inserted into one session after another. Bounded: the
     * rows read most recently (an article about a head subject reads the same groups as the last one about it).
     */
    private final Map<String, Map.Entry<String, Object>> parsed = new LinkedHashMap<>(1 << 12, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Map.Entry<String, Object>> eldest) {
            return size() > PARSED;
        }
    };
    /** Stored facts kept parsed (about 1 KB each: some 20 MB). */
    private static final int PARSED = 20_000;
    /** What made the add being checked read a group (for {@link Phases#brought}): hash to label. */
    private final Map<Long, String> origin = new HashMap<>();

    Scoped(Connection connection, String location, JoinKeys keys, ObjectMapper json) {
        this.connection = connection;
        this.location = location;
        this.keys = keys;
        this.scopes = keys.scopes();
        this.json = json;
    }

    /** True when the pack gives every code of its flagging rules a scope: a store can check by scopes. */
    static boolean covers(JoinKeys keys, Collection<String> codes) {
        return keys != null && keys.scopes() != null && keys.scopes().codes().containsAll(codes);
    }

    /** The hash of a key's value: FNV-1a over the characters, then a 64-bit finaliser. */
    static long hash(String key, String value) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            h = (h ^ key.charAt(i)) * 0x100000001b3L;
        }
        h = (h ^ 0x1f) * 0x100000001b3L;
        for (int i = 0; i < value.length(); i++) {
            h = (h ^ value.charAt(i)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }

    /** The group a value of this role reaches, or null for lookups and their uses (they join nothing). */
    static Character mode(JoinKeys.Role role) {
        return switch (role) {
            case JOIN, ANCHOR -> WHOLE;
            case MEMBER -> ANCHORS;
            case LOOKUP, USES -> null;
        };
    }

    private static Character mode(char role) {
        return role == 'J' || role == 'A' ? Character.valueOf(WHOLE) : role == 'M' ? Character.valueOf(ANCHORS) : null;
    }

    private static boolean covered(Map<Long, Character> loaded, Token t) {
        Character have = loaded.get(t.hash());
        return have != null && (have == WHOLE || t.mode() == ANCHORS);
    }

    /** What of a group a token asks to load: its anchors, or all of it (a scope's whole group, a support group). */
    private static char load(char mode) {
        return mode == ANCHORS ? ANCHORS : WHOLE;
    }

    private static void want(Map<Long, Character> want, Token t) {
        want.merge(t.hash(), load(t.mode()), (a, b) -> a == WHOLE || b == WHOLE ? WHOLE : ANCHORS);
    }

    private static boolean covered(Map<Long, Character> loaded, Set<Token> scope) {
        for (Token t : scope) {
            if (!covered(loaded, t)) {
                return false;
            }
        }
        return true;
    }

    /** True when the changed values (hash to the roles they have in the new or removed facts) reach the scope. */
    private static boolean reaches(Map<Long, Set<Character>> changed, Set<Token> scope) {
        for (Token t : scope) {
            if (t.mode() == SUPPORT) {
                continue;
            }
            Set<Character> roles = changed.get(t.hash());
            if (roles != null && (t.mode() == WHOLE || roles.contains('A'))) {
                return true;
            }
        }
        return false;
    }

    /** Writes the key rows of the new facts (fact_keys). */
    void writeKeys(Fresh fresh) throws SQLException {
        try (PreparedStatement ks = connection.prepareStatement(
                "INSERT INTO fact_keys (khash, role, seq, pos, article) VALUES (?, ?, ?, ?, ?)")) {
            int batched = 0;
            for (int i = 0; i < fresh.facts().size(); i++) {
                Set<String> seen = new HashSet<>();
                for (String v : fresh.valuesOf().get(i)) {
                    String[] p = v.split("\u001f", 3);
                    if (p[0].equals("U") || !seen.add(v)) {
                        continue;
                    }
                    ks.setLong(1, hash(p[1], p[2]));
                    ks.setString(2, p[0]);
                    ks.setLong(3, fresh.seq());
                    ks.setInt(4, i);
                    ks.setString(5, fresh.articleOf().get(i));
                    ks.addBatch();
                    if (++batched % 5_000 == 0) {
                        ks.executeBatch();
                    }
                }
            }
            ks.executeBatch();
        }
    }

    /** The key values of an article's stored facts (before it is replaced): hash to roles. */
    Map<Long, Set<Character>> storedValues(String article) throws SQLException {
        Map<Long, Set<Character>> out = new HashMap<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT khash, role FROM fact_keys WHERE article = ?")) {
            ps.setString(1, article);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getString(2).charAt(0));
                }
            }
        }
        return out;
    }

    /**
     * Checks the new facts with the stored groups they reach, until every flag they can change has its scope loaded
     * whole. {@code changed} holds the values of facts removed by a replacement (and receives the new ones).
     */
    Checked check(Checker checker, Fresh fresh, Map<Long, Set<Character>> changed, boolean storeEmpty,
                  Phases phases) throws SQLException {
        this.phases = phases;
        origin.clear();
        changed.keySet().forEach(h -> origin.put(h, "replaced"));
        // Nothing removed (no replacement): flags of codes an add can only retract are re-checked with their support.
        boolean additionsOnly = changed.isEmpty();
        Set<String> freshClaims = new HashSet<>();
        for (Object f : fresh.facts()) {
            if (f instanceof ClaimFact c) {
                freshClaims.add(c.id());
            }
        }
        Set<Long> supported = new HashSet<>();
        Set<Long> newlySupported = new HashSet<>();
        Set<String> supportedClaims = new HashSet<>();
        Set<String> supportedIdents = new HashSet<>();
        for (List<String> vs : fresh.valuesOf()) {
            for (String v : vs) {
                String[] p = v.split("\u001f", 3);
                if (mode(p[0].charAt(0)) != null) {
                    long h = hash(p[1], p[2]);
                    origin.putIfAbsent(h, "key " + p[1]);
                    changed.computeIfAbsent(h, k -> new HashSet<>()).add(p[0].charAt(0));
                }
            }
        }
        Map<Long, Character> want = new HashMap<>();
        changed.forEach((h, roles) -> want.put(h, roles.contains('J') || roles.contains('A') ? WHOLE : ANCHORS));
        Map<Long, Character> loaded = new HashMap<>();
        Map<String, Stored> stored = new LinkedHashMap<>(); // "seq:pos" -> fact
        Set<Long> lookedUp = new HashSet<>();
        Map<Long, Set<Token>> reachedFlags = new HashMap<>(); // stored open flags the change reaches, with their scopes
        boolean flagsRead = false;
        int rounds = 0;
        // Rounds add to one session (the rules insert logically: the flags are those of one session of everything
        // inserted); a round that brings entities or memberships starts a fresh one, so the first declaration wins
        // as in one batch check. A bulk load into an empty store is one check, split into parts.
        Hooks.FactSession session = null;
        Set<String> inserted = new HashSet<>();
        try {
            while (true) {
                if (!storeEmpty) {
                    List<Stored> added = fetch(want, loaded, fresh.seq(), stored);
                    phases.lap(Phases.Phase.READ);
                    // what comes with every loaded fact (its claim): closed over, as a group of those is loaded whole
                    while (!added.isEmpty()) {
                        Map<Long, Character> next = new HashMap<>();
                        JoinKeys.Lookup lookup = Partitions.lookup(facts(stored.values(), fresh));
                        for (Stored s : added) {
                            for (JoinKeys.Value v : keys.values(s.fact(), lookup)) {
                                Character m = mode(v.role());
                                if (m != null && scopes.loaded().contains(v.key())) {
                                    Token t = new Token(hash(v.key(), v.value()), m);
                                    if (!covered(loaded, t)) {
                                        origin.putIfAbsent(t.hash(), "closure " + v.key());
                                        next.merge(t.hash(), m, (a, b) -> a == WHOLE || b == WHOLE ? WHOLE : ANCHORS);
                                    }
                                }
                            }
                        }
                        phases.lap(Phases.Phase.EXPAND);
                        added = fetch(next, loaded, fresh.seq(), stored);
                        phases.lap(Phases.Phase.READ);
                    }
                    lookups(stored, fresh, lookedUp);
                    if (!flagsRead) {
                        flagsRead = true;
                        // stored open flags the change reaches: their scopes are loaded too
                        reachedFlags = reachedFlags(changed);
                        for (Map.Entry<Long, Set<Token>> reached : reachedFlags.entrySet()) {
                            Set<Token> scope = reached.getValue();
                            boolean bySupport = additionsOnly && scope.stream().anyMatch(t -> t.mode() == SUPPORT);
                            if (bySupport) {
                                supported.add(reached.getKey());
                                newlySupported.add(reached.getKey());
                            }
                            for (Token t : scope) {
                                if ((t.mode() == SUPPORT) == bySupport && !covered(loaded, t)) {
                                    origin.putIfAbsent(t.hash(), "stored flags' scopes");
                                    want(want, t);
                                }
                            }
                        }
                        readSupported(newlySupported, supportedClaims, supportedIdents);
                        phases.lap(Phases.Phase.FLAGS);
                        if (!covered(loaded, tokens(want))) {
                            continue; // load those before checking
                        }
                    }
                } else {
                    loaded.putAll(want);
                }
                rounds++;
                List<Object> facts = assemble(stored.values(), fresh);
                int claims = 0;
                for (Object f : facts) {
                    if (f instanceof ClaimFact) {
                        claims++;
                    }
                }
                Report report;
                if (storeEmpty) {
                    report = Hooks.checkFacts(checker, facts, claims);
                } else {
                    List<Stored> newly = new ArrayList<>();
                    boolean reference = false;
                    for (Map.Entry<String, Stored> e : stored.entrySet()) {
                        if (!inserted.contains(e.getKey())) {
                            newly.add(e.getValue());
                            reference |= e.getValue().fact() instanceof org.factlint.facts.EntityFact
                                    || e.getValue().fact() instanceof org.factlint.facts.MemberFact;
                        }
                    }
                    boolean ok;
                    if (session == null || reference) {
                        if (session != null) {
                            session.close();
                        }
                        session = Hooks.openFacts(checker);
                        ok = session.insert(facts);
                    } else {
                        newly.sort(java.util.Comparator.comparingLong(Stored::seq).thenComparingInt(Stored::pos));
                        ok = session.insert(newly.stream().map(Stored::fact).toList());
                    }
                    inserted.addAll(stored.keySet());
                    if (ok) {
                        session.fire();
                    }
                    report = new Report(ok ? session.flags() : List.of(), 0, 0, 0, claims, List.of(), session.problems());
                }
                phases.lap(Phases.Phase.SESSION);
                if (!report.complete()) {
                    return new Checked(report, facts, claims, 0, loaded, Map.of(), rounds, supported, reachedFlags,
                            changed);
                }
                ScopeIndex index = new ScopeIndex(facts, report.flags());
                Map<Flag, Set<Token>> trusted = new LinkedHashMap<>();
                boolean more = false;
                // The stored claims that a flag on a new claim also names (a new claim that says a stored one "has
                // not confirmed"): a code that builds on flags can be raised there by this add, even one that an
                // add can otherwise only retract.
                Set<String> raisedOn = new HashSet<>();
                for (Flag f : report.flags()) {
                    if (f.claims().stream().anyMatch(freshClaims::contains)) {
                        raisedOn.addAll(f.claims());
                    }
                }
                for (Flag f : report.flags()) {
                    Set<Token> scope = index.scope(f);
                    if (covered(loaded, scope)) {
                        trusted.put(f, scope);
                    } else if (additionsOnly && scopes.support(f.code()) != null
                            && f.claims().stream().noneMatch(freshClaims::contains)
                            && f.claims().stream().noneMatch(raisedOn::contains)
                            && !(scopes.raisedByClock(f.code()) && supportedClaims.containsAll(f.claims())
                                 && !supportedIdents.contains(JdbcClaimStore.ident(f)))) {
                        // on stored claims only, of a code an add can only retract: not raised by this add (a stored
                        // open one the add reaches is re-checked with its support: supported). A code the clock
                        // raises is decided with its whole scope on the claims of those stored flags.
                        continue;
                    } else if (reaches(changed, scope)) {
                        for (Token t : scope) {
                            if (!covered(loaded, t)) {
                                origin.putIfAbsent(t.hash(), "new flags' scopes");
                                want(want, t);
                                more = true;
                            }
                        }
                    }
                }
                phases.lap(Phases.Phase.SCOPES);
                if (!more || storeEmpty) {
                    Set<String> articles = new HashSet<>(fresh.articleOf());
                    stored.values().forEach(s -> articles.add(s.article()));
                    return new Checked(report, facts, claims, articles.size(), loaded, trusted, rounds, supported,
                            reachedFlags, changed);
                }
            }
        } finally {
            if (session != null) {
                session.close();
            }
        }
    }

    private static Set<Token> tokens(Map<Long, Character> m) {
        Set<Token> out = new HashSet<>();
        m.forEach((h, c) -> out.add(new Token(h, c)));
        return out;
    }

    private static List<Object> facts(Collection<Stored> stored, Fresh fresh) {
        List<Object> out = new ArrayList<>(stored.size() + fresh.facts().size());
        stored.forEach(s -> out.add(s.fact()));
        out.addAll(fresh.facts());
        return out;
    }

    /** Loads the groups of the tokens not loaded yet; returns the facts it read for the first time. */
    private List<Stored> fetch(Map<Long, Character> want, Map<Long, Character> loaded, long seq,
                               Map<String, Stored> stored) throws SQLException {
        List<Long> whole = new ArrayList<>();
        List<Long> anchors = new ArrayList<>();
        for (Map.Entry<Long, Character> e : want.entrySet()) {
            Token t = new Token(e.getKey(), e.getValue());
            if (!covered(loaded, t)) {
                (t.mode() == WHOLE ? whole : anchors).add(t.hash());
                loaded.put(t.hash(), t.mode() == WHOLE ? Character.valueOf(WHOLE)
                        : loaded.getOrDefault(t.hash(), ANCHORS));
            }
        }
        List<Stored> added = new ArrayList<>();
        read("k.role IN ('J', 'A', 'M')", whole, seq, stored, added);
        read("k.role = 'A'", anchors, seq, stored, added);
        return added;
    }

    private void read(String roles, List<Long> hashes, long seq, Map<String, Stored> stored, List<Stored> added)
            throws SQLException {
        for (int from = 0; from < hashes.size(); from += CHUNK) {
            List<Long> chunk = hashes.subList(from, Math.min(hashes.size(), from + CHUNK));
            String sql = "SELECT f.seq, f.pos, f.article, f.type, f.body, k.khash FROM fact_keys k JOIN facts f"
                    + " ON f.seq = k.seq AND f.pos = k.pos WHERE " + roles + " AND k.seq <> ? AND k.khash IN ("
                    + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?")) + ")";
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                ps.setLong(1, seq);
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setLong(i + 2, chunk.get(i));
                }
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String id = rs.getLong(1) + ":" + rs.getInt(2);
                        if (!stored.containsKey(id)) {
                            String body = rs.getString(5);
                            Map.Entry<String, Object> was = parsed.get(id);
                            Object fact;
                            if (was != null && was.getKey().equals(body)) {
                                fact = was.getValue();
                            } else {
                                fact = fact(rs.getString(4), body);
                                parsed.put(id, Map.entry(body, fact));
                            }
                            Stored s = new Stored(rs.getLong(1), rs.getInt(2), rs.getString(3), fact);
                            stored.put(id, s);
                            added.add(s);
                            if (s.fact() instanceof ClaimFact) {
                                phases.brought(origin.getOrDefault(rs.getLong(6), "lookups"));
                            }
                        }
                    }
                }
            }
        }
    }

    /** The stored lookup facts (entities, group memberships) the facts at hand use. */
    private void lookups(Map<String, Stored> stored, Fresh fresh, Set<Long> lookedUp) throws SQLException {
        List<Object> all = facts(stored.values(), fresh);
        JoinKeys.Lookup lookup = Partitions.lookup(all);
        List<Long> uses = new ArrayList<>();
        for (Object f : all) {
            for (JoinKeys.Value v : keys.values(f, lookup)) {
                if (v.role() == JoinKeys.Role.USES) {
                    long h = hash(v.key(), v.value());
                    if (lookedUp.add(h)) {
                        uses.add(h);
                    }
                }
            }
        }
        phases.lap(Phases.Phase.EXPAND);
        read("k.role = 'L'", uses, fresh.seq(), stored, new ArrayList<>());
        phases.lap(Phases.Phase.READ);
    }

    /** The stored open flags whose scope the changed values reach: id to scope. */
    private Map<Long, Set<Token>> reachedFlags(Map<Long, Set<Character>> changed) throws SQLException {
        Set<Long> ids = new HashSet<>();
        List<Long> hashes = new ArrayList<>(changed.keySet());
        for (int from = 0; from < hashes.size(); from += CHUNK) {
            List<Long> chunk = hashes.subList(from, Math.min(hashes.size(), from + CHUNK));
            try (PreparedStatement ps = connection.prepareStatement("SELECT flag, khash, mode FROM flag_scope WHERE"
                    + " khash IN (" + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?")) + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setLong(i + 1, chunk.get(i));
                }
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Set<Character> roles = changed.get(rs.getLong(2));
                        char mode = rs.getString(3).charAt(0);
                        if (roles != null && mode != SUPPORT && (mode == WHOLE || roles.contains('A'))) {
                            ids.add(rs.getLong(1));
                        }
                    }
                }
            }
        }
        return scopesOf(ids);
    }

    /** The claims and identities of some stored flags. */
    private void readSupported(Collection<Long> flags, Set<String> out, Set<String> idents) throws SQLException {
        List<Long> ids = new ArrayList<>(flags);
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            try (PreparedStatement ps = connection.prepareStatement("SELECT body, ident FROM flags WHERE id IN ("
                    + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?")) + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setLong(i + 1, chunk.get(i));
                }
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        idents.add(rs.getString(2));
                        try {
                            out.addAll(json.readValue(rs.getString(1), Flag.class).claims());
                        } catch (JsonProcessingException e) {
                            throw new StoreException(location + ": a stored flag cannot be read back: "
                                    + e.getOriginalMessage());
                        }
                    }
                }
            }
        }
    }

    /** The stored scopes of some flags. */
    Map<Long, Set<Token>> scopesOf(Collection<Long> flags) throws SQLException {
        Map<Long, Set<Token>> out = new HashMap<>();
        List<Long> ids = new ArrayList<>(flags);
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            try (PreparedStatement ps = connection.prepareStatement("SELECT flag, khash, mode FROM flag_scope WHERE"
                    + " flag IN (" + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?")) + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setLong(i + 1, chunk.get(i));
                }
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.computeIfAbsent(rs.getLong(1), k -> new HashSet<>())
                                .add(new Token(rs.getLong(2), rs.getString(3).charAt(0)));
                    }
                }
            }
        }
        return out;
    }

    /**
     * The stored open flags the change reaches whose whole stored scope was loaded: id to scope. Only these can be
     * retracted or change: a stored flag whose scope no changed value reaches is decided by the same facts as when it
     * was recorded. Read from the reached flags of the check (no query): the work is what the add changes, not every
     * stored flag with a row on a loaded group (at 100k, most of an add's record phase).
     */
    static Map<Long, Set<Token>> inScope(Checked checked) {
        Map<Long, Set<Token>> out = new HashMap<>();
        checked.reached().forEach((id, scope) -> {
            if (covered(checked.loaded(), scope)) {
                out.put(id, scope);
            }
        });
        return out;
    }

    /**
     * True when a flag of the check is stored as it is: its scope reaches no changed value and its code is not one the
     * clock raises. Its facts are those it was recorded with, so it is open with this scope (the invariant); recording
     * it would read it back to find it unchanged.
     */
    boolean asStored(Checked checked, Flag f, Set<Token> scope) {
        return !scopes.raisedByClock(f.code()) && !reaches(checked.changed(), scope);
    }

    /** Writes a flag's scope rows. */
    void writeScope(PreparedStatement insert, long flag, Set<Token> scope) throws SQLException {
        for (Token t : scope) {
            insert.setLong(1, t.hash());
            insert.setString(2, String.valueOf(t.mode()));
            insert.setLong(3, flag);
            insert.addBatch();
        }
    }

    /**
     * As one loader would: stored facts in the order they were written, then the new ones; an entity's facts (and its
     * group memberships) from the first document that declares it.
     */
    private static List<Object> assemble(Collection<Stored> stored, Fresh fresh) {
        List<Stored> rows = new ArrayList<>(stored);
        rows.sort(java.util.Comparator.comparingLong(Stored::seq).thenComparingInt(Stored::pos));
        List<Object> facts = new ArrayList<>(rows.size() + fresh.facts().size());
        List<String> articleOf = new ArrayList<>(rows.size() + fresh.facts().size());
        rows.forEach(r -> {
            facts.add(r.fact());
            articleOf.add(r.article());
        });
        facts.addAll(fresh.facts());
        articleOf.addAll(fresh.articleOf());
        return JdbcClaimStore.firstDeclarations(facts, articleOf);
    }

    private Object fact(String type, String body) {
        return fact(json, location, type, body);
    }

    /** A stored fact row read back: its type names one of the document fact types, its body is that type's JSON. */
    static Object fact(ObjectMapper json, String location, String type, String body) {
        Class<?> c = FactLoader.DOCUMENT_FACTS.get(type);
        if (c == null) {
            throw new StoreException(location + ": a stored fact has an unknown type '" + type + "'");
        }
        try {
            return json.readValue(body, c);
        } catch (JsonProcessingException e) {
            throw new StoreException(location + ": a stored " + type + " cannot be read back: " + e.getOriginalMessage());
        }
    }

    /** Computes flags' scopes over the facts of one check: the paths of their code's rows from each of their claims. */
    final class ScopeIndex {
        private final List<Object> facts;
        private final JoinKeys.Lookup lookup;
        private final Map<String, Integer> claimAt = new HashMap<>();
        private final Map<String, List<Integer>> byValue = new HashMap<>();
        private final List<List<JoinKeys.Value>> valuesOf;
        /**
         * What a group leads to, by path, step and group: an array (a group's set is read, never changed) of tokens
         * shared through {@link #interned}. At 1M claims a head subject's groups lead to thousands of tokens, and the
         * flags of one group share them: sets per claim or per flag, each with its own tokens, did not fit 16 GB.
         */
        private final Map<String, Token[]> fromGroup = new HashMap<>();
        private final Map<Token, Token> interned = new HashMap<>();

        private final List<Flag> flags;
        /**
         * The check's flags by claim: the flags an escalation's evidence names ({@link Scopes#EVIDENCE}); made at the
         * first flag of such a code, so a pack without one (or a check without such a flag) does not pay for it.
         */
        private Map<String, List<Flag>> flagsOn;

        ScopeIndex(List<Object> facts, List<Flag> flags) {
            this.flags = flags;
            this.facts = facts;
            this.lookup = Partitions.lookup(facts);
            this.valuesOf = new ArrayList<>(facts.size());
            for (int i = 0; i < facts.size(); i++) {
                Object f = facts.get(i);
                if (f instanceof ClaimFact c) {
                    claimAt.put(c.id(), i);
                }
                List<JoinKeys.Value> vs = keys.places(List.of(f.getClass())) ? keys.values(f, lookup) : List.of();
                valuesOf.add(vs);
                for (JoinKeys.Value v : vs) {
                    if (mode(v.role()) != null) {
                        byValue.computeIfAbsent(v.key() + "\u001f" + v.value(), k -> new ArrayList<>(2)).add(i);
                    }
                }
            }
        }

        /**
         * The flag's scope: every path of its code from every claim of it, and for a code scoped by its evidence the
         * scopes of the check's flags of those codes on its claims.
         */
        Set<Token> scope(Flag f) {
            return scope(f, new HashSet<>());
        }

        private Set<Token> scope(Flag f, Set<Flag> seen) {
            seen.add(f);
            Set<Token> own = ownScope(f);
            if (!scopes.byEvidence(f.code())) {
                return own;
            }
            if (flagsOn == null) {
                flagsOn = new HashMap<>();
                for (Flag g : flags) {
                    for (String c : g.claims()) {
                        flagsOn.computeIfAbsent(c, k -> new ArrayList<>(2)).add(g);
                    }
                }
            }
            Set<Token> out = new HashSet<>(own);
            for (String claim : f.claims()) {
                for (Flag g : flagsOn.getOrDefault(claim, List.of())) {
                    if (f.evidence().contains(g.code()) && !seen.contains(g)) {
                        out.addAll(scope(g, seen));
                    }
                }
            }
            return out;
        }

        private Set<Token> ownScope(Flag f) {
            List<List<String>> paths = scopes.paths(f.code());
            if (paths == null) {
                throw new IllegalStateException("scopes.csv gives code " + f.code() + " no scope");
            }
            List<List<String>> support = scopes.support(f.code());
            Set<Token> out = new HashSet<>();
            Set<Token> supports = support == null ? null : new HashSet<>();
            for (String claim : f.claims()) {
                Integer at = claimAt.get(claim);
                if (at == null) {
                    continue;
                }
                for (List<String> path : paths) {
                    step(List.of(at), path, 0, out);
                }
                for (List<String> path : support == null ? List.<List<String>>of() : support) {
                    step(List.of(at), path, 0, supports);
                }
            }
            if (supports != null) {
                for (Token t : supports) {
                    out.add(token(t.hash(), SUPPORT));
                }
            }
            return out;
        }

        private Token token(long hash, char mode) {
            Token t = new Token(hash, mode);
            Token was = interned.putIfAbsent(t, t);
            return was == null ? t : was;
        }

        /**
         * Adds the tokens of step {@code s} of the path from these facts, and of the steps after it. What a group leads
         * to is kept by group and step: the flags of one group (an undated claim's subject, thousands of facts at 100k)
         * share it, instead of walking the group once per flag.
         */
        private void step(List<Integer> facts, List<String> path, int s, Set<Token> out) {
            String key = path.get(s);
            for (int i : facts) {
                for (JoinKeys.Value v : valuesOf.get(i)) {
                    Character m = mode(v.role());
                    if (m == null || !v.key().equals(key)) {
                        continue;
                    }
                    out.add(token(hash(v.key(), v.value()), m));
                    if (s + 1 < path.size()) {
                        String group = v.key() + "\u001f" + v.value();
                        String at = String.join(">", path) + "\u0002" + s + "\u0002" + group;
                        Token[] next = fromGroup.get(at);
                        if (next == null) { // not computeIfAbsent: the step below fills the same map
                            Set<Token> reached = new HashSet<>();
                            step(byValue.getOrDefault(group, List.of()), path, s + 1, reached);
                            next = reached.toArray(Token[]::new);
                            fromGroup.put(at, next);
                        }
                        java.util.Collections.addAll(out, next);
                    }
                }
            }
        }
    }
}
