package org.factlint.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.factlint.model.Document;
import org.factlint.model.Entity;

/**
 * Which declared entities are one: the identity of names within one scope (the documents of a batch, then those a
 * desk session adds). Two entities are one when any spelling of one (its name or an alias) has a key in common with
 * a spelling of the other ({@link Names#key}). Besides, a short form joins the one entity it can stand for:
 * <ul>
 * <li>a surname alone ("Japarov") joins the entity whose surname it is ("Sadyr Japarov"),</li>
 * <li>a given name and surname ("Vladimir Putin") join the entity with a middle name or patronymic
 *     ("Vladimir Vladimirovich Putin"),</li>
 * </ul>
 * but only when exactly one entity of the scope fits: with "Ilham Aliyev" and "Heydar Aliyev" both in scope,
 * "Aliyev" stays apart from both. Two people whose surnames fold alike but whose given names differ never join.
 * Names of bodies ("Government of Turkmenistan") have no short form. The key of an entity is the smallest primary
 * key ({@link NameKey#primary}) among the spellings that joined, so it does not depend on document order within a
 * batch. Not thread-safe.
 */
final class NameResolver {
    /** Words that make a name the name of a body, a place or an office rather than of a person. */
    private static final Pattern NOT_A_PERSON = Pattern.compile(
            "(?i).*\\b(of|the|for|and|ministry|government|office|council|party|agency|service|news|press|city|republic|"
                    + "state|square|street|palace|kremlin|house|committee|university|bank|company|group)\\b.*");

    /** Every full key of every spelling seen, to the entity key it belongs to. */
    private final Map<String, String> keyOfFull = new HashMap<>();
    /** Entity keys by surname key, for the entities whose names can have one. */
    private final Map<String, Set<String>> bySurname = new HashMap<>();
    /** Entity keys by first-and-last key, for entities with three words or more. */
    private final Map<String, Set<String>> byFirstAndLast = new HashMap<>();
    /** Entities declared by a surname only, by that surname key. */
    private final Map<String, Set<String>> surnameOnly = new HashMap<>();
    private final Map<String, NameKey> keys = new HashMap<>();
    /** The pack's name tables the keys are made with. */
    private final NameTables tables;

    /** A resolver with the bundled pack's name tables. */
    NameResolver() {
        this(NameTables.DEFAULT);
    }

    /** A resolver whose keys are made with a pack's name tables ({@code names/*.csv}). */
    NameResolver(NameTables tables) {
        this.tables = java.util.Objects.requireNonNull(tables);
    }

    /** Full keys and person-ness per spelling: each is asked several times per entity (a check of 100k claims spent
     * a fifth of its time building the same key sets again). */
    private final Map<String, Set<String>> fullKeys = new HashMap<>();
    private final Map<String, Boolean> persons = new HashMap<>();

    private NameKey key(String name) {
        return keys.computeIfAbsent(name, n -> Names.key(n, tables));
    }

    private Set<String> full(String spelling) {
        Set<String> full = fullKeys.get(spelling);
        if (full == null) {
            full = java.util.Collections.unmodifiableSet(key(spelling).full()); // in its order: the first match wins
            fullKeys.put(spelling, full);
        }
        return full;
    }

    /** Consonant keys per spelling, as {@link #full}: each is asked once per pass and per lookup. */
    private final Map<String, Set<String>> probeKeys = new HashMap<>();
    private final Map<String, Set<String>> exposedKeys = new HashMap<>();

    private Set<String> probes(String spelling) {
        Set<String> p = probeKeys.get(spelling);
        if (p == null) {
            p = java.util.Collections.unmodifiableSet(key(spelling).probes());
            probeKeys.put(spelling, p);
        }
        return p;
    }

    private Set<String> exposed(String spelling) {
        Set<String> x = exposedKeys.get(spelling);
        if (x == null) {
            x = java.util.Collections.unmodifiableSet(key(spelling).exposed());
            exposedKeys.put(spelling, x);
        }
        return x;
    }

    private boolean isPerson(String spelling) {
        return persons.computeIfAbsent(spelling, NameResolver::person);
    }

    /**
     * Resolves the entities of documents that will be loaded together, before any is loaded, so that keys do not
     * depend on the order of the documents.
     */
    void preResolve(List<Document> documents) {
        List<Entity> entities = new ArrayList<>();
        List<Integer> documentOf = new ArrayList<>();
        for (int d = 0; d < documents.size(); d++) {
            for (Entity e : documents.get(d).entities()) {
                entities.add(e);
                documentOf.add(d);
            }
        }
        int n = entities.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        Map<String, Integer> firstWithKey = new HashMap<>();
        // Memo per spelling: the mentions of one spelling share all its keys, so a later mention joins the first's
        // group and the passes below need each spelling once (a 300k-claim archive: 567,445 mentions, 15,009
        // spellings). Only spellings with keys: one without joins nothing by itself.
        Map<String, Integer> firstOfSpelling = new HashMap<>();
        for (int i = 0; i < n; i++) {
            for (String spelling : spellings(entities.get(i))) {
                if (!full(spelling).isEmpty()) {
                    Integer first = firstOfSpelling.putIfAbsent(spelling, i);
                    if (first != null) {
                        union(parent, first, i);
                        continue;
                    }
                }
                for (String k : full(spelling)) {
                    Integer other = firstWithKey.putIfAbsent(k, i);
                    if (other != null) {
                        union(parent, other, i);
                    }
                    // an entity of an earlier batch in this session with that key
                    String earlier = keyOfFull.get(k);
                    if (earlier != null) {
                        Integer anchor = firstWithKey.putIfAbsent("\u0000" + earlier, i);
                        if (anchor != null) {
                            union(parent, anchor, i);
                        }
                    }
                }
            }
        }
        // names across scripts by their consonants (NameKey#probes): a probe meets a key or an exposed key
        Map<String, Integer> firstExposing = new HashMap<>();
        for (int i = 0; i < n; i++) {
            for (String spelling : spellings(entities.get(i))) {
                if (once(firstOfSpelling, spelling, i)) {
                    for (String k : exposed(spelling)) {
                        firstExposing.putIfAbsent(k, i);
                    }
                }
            }
        }
        for (int i = 0; i < n; i++) {
            for (String spelling : spellings(entities.get(i))) {
                if (!once(firstOfSpelling, spelling, i)) {
                    continue; // its first mention made the same unions, and this one is in its group
                }
                for (String p : probes(spelling)) {
                    Integer other = firstWithKey.get(p);
                    if (other == null) {
                        other = firstExposing.get(p);
                    }
                    if (other != null) {
                        union(parent, other, i);
                    }
                    String earlier = keyOfFull.get(p);
                    if (earlier != null) {
                        Integer anchor = firstWithKey.putIfAbsent("\u0000" + earlier, i);
                        if (anchor != null) {
                            union(parent, anchor, i);
                        }
                    }
                }
            }
        }
        // short forms: decided on the groups the exact keys made, all at once
        Map<String, Set<Integer>> surnames = new HashMap<>();
        Map<String, Set<Integer>> firstLasts = new HashMap<>();
        for (int i = 0; i < n; i++) {
            for (String spelling : spellings(entities.get(i))) {
                NameKey k = key(spelling);
                if (k.size() >= 2 && isPerson(spelling) && once(firstOfSpelling, spelling, i)) {
                    int root = find(parent, i);
                    k.last().forEach(s -> surnames.computeIfAbsent(s, x -> new HashSet<>()).add(root));
                    k.firstAndLast().forEach(s -> firstLasts.computeIfAbsent(s, x -> new HashSet<>()).add(root));
                }
            }
        }
        Map<Integer, Set<Integer>> documentsOfRoot = new HashMap<>();
        for (int i = 0; i < n; i++) {
            documentsOfRoot.computeIfAbsent(find(parent, i), x -> new HashSet<>()).add(documentOf.get(i));
        }
        List<int[]> joins = new ArrayList<>();
        Map<Integer, String> earlierOf = new HashMap<>();
        // the candidates of a spelling with keys are the same for all its mentions (one group, one root), and an
        // earlier scope's match the same for all mentions of the same spellings (nothing is registered until the end)
        Map<String, Set<Integer>> candidatesOf = new HashMap<>();
        Map<List<String>, java.util.Optional<String>> earlierMatch = new HashMap<>();
        for (int i = 0; i < n; i++) {
            int root = find(parent, i);
            Entity entity = entities.get(i);
            List<String> spellings = spellings(entity);
            for (String spelling : spellings) {
                NameKey k = key(spelling);
                Map<String, Set<Integer>> index = k.size() == 1 ? surnames : k.size() == 2 ? firstLasts : null;
                if (index == null || !isPerson(spelling)) {
                    continue;
                }
                Set<Integer> candidates = full(spelling).isEmpty() ? Set.of()
                        : candidatesOf.computeIfAbsent(spelling, x -> {
                            Set<Integer> c = new HashSet<>();
                            full(spelling).forEach(f -> c.addAll(index.getOrDefault(f, Set.of())));
                            c.remove(root);
                            return c;
                        });
                // the document's own entities first: one candidate there settles it
                Set<Integer> local = new HashSet<>();
                for (int c : candidates) {
                    if (documentsOfRoot.get(c).contains(documentOf.get(i))) {
                        local.add(c);
                    }
                }
                if (local.size() == 1) {
                    joins.add(new int[] {i, local.iterator().next()});
                } else if (local.isEmpty() && candidates.size() == 1) {
                    joins.add(new int[] {i, candidates.iterator().next()});
                } else if (candidates.isEmpty()) {
                    // none in the batch: the one entity of the earlier scope (a session's earlier batches, a store)
                    String earlier = earlierMatch.computeIfAbsent(spellings,
                            x -> java.util.Optional.ofNullable(shortFormMatch(entity))).orElse(null);
                    if (earlier != null) {
                        earlierOf.put(i, earlier);
                    }
                }
            }
        }
        joins.forEach(j -> union(parent, j[0], j[1]));
        // the key of each group: an earlier entity's key if it joins one, else the smallest primary key
        Map<Integer, String> keyOfRoot = new HashMap<>();
        earlierOf.forEach((i, key) -> keyOfRoot.merge(find(parent, i), "\u0000" + key, (a, b) -> a.compareTo(b) <= 0 ? a : b));
        for (int i = 0; i < n; i++) {
            int root = find(parent, i);
            for (String spelling : spellings(entities.get(i))) {
                if (!once(firstOfSpelling, spelling, i)) {
                    continue; // the same key merged into the same group
                }
                NameKey k = key(spelling);
                String candidate = java.util.stream.Stream.concat(full(spelling).stream(), probes(spelling).stream())
                        .map(keyOfFull::get).filter(java.util.Objects::nonNull).findFirst().orElse(null);
                String mine = candidate != null ? "\u0000" + candidate : k.primary();
                keyOfRoot.merge(root, mine, (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
        }
        for (int i = 0; i < n; i++) {
            String key = keyOfRoot.get(find(parent, i));
            register(entities.get(i), key.startsWith("\u0000") ? key.substring(1) : key);
        }
    }

    /**
     * Whether mention {@code i} is the one to do a spelling's work in a pass: its first mention, or any mention of a
     * spelling without keys (such mentions are not joined by the spelling).
     */
    private boolean once(Map<String, Integer> firstOfSpelling, String spelling, int i) {
        Integer first = firstOfSpelling.get(spelling);
        return first == null || first == i;
    }

    /** Keys resolved in another scope (a claim store): matching key to entity key; earlier ones win. */
    void known(Map<String, String> entityKeyByFullKey) {
        entityKeyByFullKey.forEach(keyOfFull::putIfAbsent);
    }

    /** Every matching key seen, with the entity key it belongs to. */
    Map<String, String> keys() {
        return java.util.Collections.unmodifiableMap(keyOfFull);
    }

    /**
     * The short-form indexes (surnames, first and last names, surname-only entities) as rows {@code {form, entityKey}},
     * for a store to keep: with {@link #knownForms} a later scope resolves short forms as this one would.
     */
    List<String[]> forms() {
        List<String[]> out = new ArrayList<>();
        bySurname.forEach((k, keys) -> keys.forEach(e -> out.add(new String[] {"L:" + k, e})));
        byFirstAndLast.forEach((k, keys) -> keys.forEach(e -> out.add(new String[] {"F:" + k, e})));
        surnameOnly.forEach((k, keys) -> keys.forEach(e -> out.add(new String[] {"S:" + k, e})));
        return out;
    }

    /** Short-form rows of another scope ({@link #forms}). */
    void knownForms(Iterable<String[]> rows) {
        for (String[] r : rows) {
            Map<String, Set<String>> index = r[0].startsWith("L:") ? bySurname
                    : r[0].startsWith("F:") ? byFirstAndLast : surnameOnly;
            index.computeIfAbsent(r[0].substring(2), x -> new HashSet<>()).add(r[1]);
        }
    }

    /** The short-form rows ({@link #forms}) that could resolve one of an entity's spellings. */
    static Set<String> formLookups(Entity e) {
        return formLookups(e, NameTables.DEFAULT);
    }

    /** {@link #formLookups(Entity)} with a pack's name tables. */
    static Set<String> formLookups(Entity e, NameTables tables) {
        Set<String> out = new java.util.LinkedHashSet<>();
        for (String spelling : spellings(e)) {
            if (!person(spelling)) {
                continue;
            }
            NameKey k = Names.key(spelling, tables);
            // what shortFormMatch reads and what register writes, so a store can read and update the same rows
            if (k.size() == 1) {
                k.full().forEach(f -> {
                    out.add("L:" + f);
                    out.add("S:" + f);
                });
            } else {
                if (k.size() == 2) {
                    k.full().forEach(f -> out.add("F:" + f));
                }
                k.last().forEach(l -> {
                    out.add("S:" + l);
                    out.add("L:" + l);
                });
                k.firstAndLast().forEach(f -> out.add("F:" + f));
            }
        }
        return out;
    }

    /**
     * The matching keys of all of an entity's spellings: its keys, its probes and its exposed keys
     * ({@link NameKey#probes}), every key a store may hold a row under for it.
     */
    static Set<String> lookupKeys(Entity e) {
        return lookupKeys(e, NameTables.DEFAULT);
    }

    /** {@link #lookupKeys(Entity)} with a pack's name tables. */
    static Set<String> lookupKeys(Entity e, NameTables tables) {
        Set<String> out = new java.util.LinkedHashSet<>();
        spellings(e).forEach(s -> {
            NameKey k = Names.key(s, tables);
            out.addAll(k.full());
            out.addAll(k.probes());
            out.addAll(k.exposed());
        });
        return out;
    }

    /** The key of an entity: the one preResolve gave it, or that of an earlier entity it joins, or its own. */
    String resolve(Entity e) {
        for (String spelling : spellings(e)) {
            for (Set<String> keys : List.of(full(spelling), probes(spelling))) {
                for (String k : keys) {
                    String found = keyOfFull.get(k);
                    if (found != null) {
                        register(e, found);
                        return found;
                    }
                }
            }
        }
        String key = shortFormMatch(e);
        if (key == null) {
            key = key(e.name()).primary();
            if (key.isEmpty()) {
                key = "entity:" + e.id();
            }
        }
        register(e, key);
        return key;
    }

    /** The one earlier entity a short form (or a long form of an earlier surname-only entity) stands for, or null. */
    private String shortFormMatch(Entity e) {
        // A store's common surname stands for hundreds of entities: nothing is copied or sorted, and the search stops
        // at the second entity found (found only grows; two or more is no match).
        Set<String> found = new HashSet<>();
        for (String spelling : spellings(e)) {
            if (!isPerson(spelling)) {
                continue;
            }
            NameKey k = key(spelling);
            if (k.size() == 1) {
                for (String f : full(spelling)) {
                    if (moreThanOne(found, bySurname.get(f))) {
                        return null;
                    }
                }
            } else if (k.size() == 2) {
                for (String f : full(spelling)) {
                    if (moreThanOne(found, byFirstAndLast.get(f))) {
                        return null;
                    }
                }
            }
            if (k.size() >= 2) {
                Set<String> shorts = new HashSet<>();
                k.last().forEach(s -> shorts.addAll(surnameOnly.getOrDefault(s, Set.of())));
                if (onlyIn(k.last(), shorts) && moreThanOne(found, shorts)) {
                    return null;
                }
            }
        }
        return found.size() == 1 ? found.iterator().next() : null;
    }

    /** Adds {@code keys} to {@code found}; true as soon as it holds more than one. */
    private static boolean moreThanOne(Set<String> found, Set<String> keys) {
        if (keys != null) {
            for (String key : keys) {
                if (found.add(key) && found.size() > 1) {
                    return true;
                }
            }
        }
        return found.size() > 1;
    }

    /** True when every entity of these surnames with a longer name is among {@code shorts}. */
    private boolean onlyIn(Set<String> surnames, Set<String> shorts) {
        for (String s : surnames) {
            for (String key : bySurname.getOrDefault(s, Set.of())) {
                if (!shorts.contains(key)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The entity key each spelling was last registered under: registering it again under that key changes nothing. */
    private final Map<String, String> registeredAs = new HashMap<>();

    private void register(Entity e, String key) {
        for (String spelling : spellings(e)) {
            if (key.equals(registeredAs.put(spelling, key))) {
                continue; // every put below is if-absent and every add to a set: all done for this pair already
            }
            NameKey k = key(spelling);
            full(spelling).forEach(f -> keyOfFull.putIfAbsent(f, key));
            exposed(spelling).forEach(f -> keyOfFull.putIfAbsent(f, key));
            if (!isPerson(spelling)) {
                continue;
            }
            if (k.size() == 1) {
                full(spelling).forEach(f -> surnameOnly.computeIfAbsent(f, x -> new HashSet<>()).add(key));
            } else {
                k.last().forEach(s -> bySurname.computeIfAbsent(s, x -> new HashSet<>()).add(key));
                k.firstAndLast().forEach(s -> byFirstAndLast.computeIfAbsent(s, x -> new HashSet<>()).add(key));
            }
        }
    }

    private static List<String> spellings(Entity e) {
        if (e.aliases().isEmpty()) {
            return List.of(e.name());
        }
        List<String> out = new ArrayList<>(1 + e.aliases().size());
        out.add(e.name());
        out.addAll(e.aliases());
        return out;
    }

    /** A name that can be a person's: no word of a body's or place's name. */
    static boolean person(String name) {
        return !NOT_A_PERSON.matcher(name).matches();
    }

    private static int find(int[] parent, int i) {
        return UnionFind.find(parent, i);
    }

    private static void union(int[] parent, int a, int b) {
        UnionFind.union(parent, a, b);
    }
}
