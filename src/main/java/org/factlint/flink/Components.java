package org.factlint.flink;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.factlint.facts.ClaimFact;
import org.factlint.facts.EntityFact;
import org.factlint.internal.JoinKeys;

/**
 * The components of the pack's join keys over every fact loaded so far, kept up to date as documents arrive: the
 * incremental form of {@link org.factlint.internal.Partitions#components} (same rules: facts sharing a value of a key
 * join; an anchored key's members join when an anchor of the value exists, even one that came later; reference data
 * joins nothing and is copied into every component that uses its value). A claim that carries several keys joins the
 * components of all of them, so a flag that needs claims reached through different keys finds them all in one part.
 *
 * <p>Union by size with member lists: a fact moves to a bigger component at most log n times. Not thread-safe.
 */
final class Components {
    private final JoinKeys keys;
    private final List<Object> facts = new ArrayList<>();
    private int[] parent = new int[1024];
    /** Facts of a root's component that are placed (not reference data), in load order; only for roots. */
    private final Map<Integer, List<Integer>> members = new HashMap<>();
    private final Map<String, Integer> joinFirst = new HashMap<>();
    private final Map<String, Integer> anchorFirst = new HashMap<>();
    private final Map<String, List<Integer>> memberOf = new HashMap<>();
    /** Reference data (lookup role) by key value, and the facts that use each value. */
    private final Map<String, List<Integer>> lookups = new HashMap<>();
    private final Map<String, List<Integer>> users = new HashMap<>();
    private final List<List<String>> usesOf = new ArrayList<>();
    private final Map<String, ClaimFact> claims = new HashMap<>();
    private final Map<String, EntityFact> entities = new HashMap<>();
    private final JoinKeys.Lookup lookup = JoinKeys.Lookup.of(claims, entities);

    /** @param keys the pack's declaration, or null: then every fact is in one component */
    Components(JoinKeys keys) {
        this.keys = keys;
    }

    int facts() {
        return facts.size();
    }

    /**
     * Adds a document's (or a batch's) facts and returns the roots of the components they changed: those their
     * placed facts are in now, and those using reference data among them.
     *
     * @throws IllegalArgumentException when the declaration does not place a fact's type
     */
    Set<Integer> add(List<Object> batch) {
        for (Object o : batch) {
            if (o instanceof ClaimFact c) {
                claims.put(c.id(), c);
            } else if (o instanceof EntityFact e) {
                entities.putIfAbsent(e.key(), e);
            }
        }
        int from = facts.size();
        List<List<JoinKeys.Value>> values = new ArrayList<>(batch.size());
        for (Object o : batch) {
            values.add(keys == null ? List.of(new JoinKeys.Value("all", "all", JoinKeys.Role.JOIN))
                    : keys.values(o, lookup));
        }
        Set<Integer> touched = new LinkedHashSet<>();
        for (int j = 0; j < batch.size(); j++) {
            int i = from + j;
            facts.add(batch.get(j));
            if (i >= parent.length) {
                parent = java.util.Arrays.copyOf(parent, parent.length * 2);
            }
            parent[i] = i;
            boolean isLookup = values.get(j).stream().anyMatch(v -> v.role() == JoinKeys.Role.LOOKUP);
            if (!isLookup) {
                List<Integer> mine = new ArrayList<>(1);
                mine.add(i);
                members.put(i, mine);
            }
            usesOf.add(null);
        }
        for (int j = 0; j < batch.size(); j++) {
            int i = from + j;
            for (JoinKeys.Value v : values.get(j)) {
                String k = v.key() + '\u0000' + v.value();
                switch (v.role()) {
                    case JOIN -> {
                        Integer f = joinFirst.putIfAbsent(k, i);
                        if (f != null) {
                            union(f, i);
                        }
                    }
                    case ANCHOR -> {
                        Integer f = anchorFirst.putIfAbsent(k, i);
                        if (f != null) {
                            union(f, i);
                        } else {
                            for (int m : memberOf.getOrDefault(k, List.of())) {
                                union(i, m);
                            }
                        }
                    }
                    case MEMBER -> {
                        memberOf.computeIfAbsent(k, x -> new ArrayList<>(2)).add(i);
                        Integer a = anchorFirst.get(k);
                        if (a != null) {
                            union(a, i);
                        }
                    }
                    case LOOKUP -> {
                        lookups.computeIfAbsent(k, x -> new ArrayList<>(1)).add(i);
                        for (int u : users.getOrDefault(k, List.of())) {
                            touched.add(u);
                        }
                    }
                    case USES -> {
                        users.computeIfAbsent(k, x -> new ArrayList<>(1)).add(i);
                        List<String> uses = usesOf.get(i);
                        if (uses == null) {
                            uses = new ArrayList<>(1);
                            usesOf.set(i, uses);
                        }
                        uses.add(k);
                    }
                }
            }
        }
        for (int j = 0; j < batch.size(); j++) {
            touched.add(from + j);
        }
        Set<Integer> roots = new TreeSet<>();
        for (int i : touched) {
            int r = find(i);
            if (members.containsKey(r)) {
                roots.add(r);
            }
        }
        return roots;
    }

    /** Every root whose component holds placed facts, smallest first. */
    Set<Integer> roots() {
        return new TreeSet<>(members.keySet());
    }

    /** A component's facts, with the reference data they use, in load order. */
    List<Object> part(int root) {
        return part(List.of(root));
    }

    /**
     * The facts of several components, with the reference data they use (once), in load order: checked in one
     * session they flag what each flags alone, as no rule joins facts of different components.
     */
    List<Object> part(java.util.Collection<Integer> roots) {
        TreeSet<Integer> all = new TreeSet<>();
        for (int root : roots) {
            List<Integer> placed = members.get(root);
            all.addAll(placed);
            for (int i : placed) {
                List<String> uses = usesOf.get(i);
                if (uses != null) {
                    for (String k : uses) {
                        all.addAll(lookups.getOrDefault(k, List.of()));
                    }
                }
            }
        }
        List<Object> out = new ArrayList<>(all.size());
        for (int i : all) {
            out.add(facts.get(i));
        }
        return out;
    }

    /** How many claims a component holds. */
    int claims(int root) {
        int n = 0;
        for (int i : members.get(root)) {
            if (facts.get(i) instanceof ClaimFact) {
                n++;
            }
        }
        return n;
    }

    private int find(int i) {
        int r = i;
        while (parent[r] != r) {
            r = parent[r];
        }
        while (parent[i] != r) {
            int next = parent[i];
            parent[i] = r;
            i = next;
        }
        return r;
    }

    private void union(int a, int b) {
        int ra = find(a);
        int rb = find(b);
        if (ra == rb) {
            return;
        }
        List<Integer> ma = members.get(ra);
        List<Integer> mb = members.get(rb);
        int sa = ma == null ? 0 : ma.size();
        int sb = mb == null ? 0 : mb.size();
        // the bigger component keeps its root; on a tie the older (smaller) root does, so roots are stable
        int keep = sa > sb || (sa == sb && ra < rb) ? ra : rb;
        int gone = keep == ra ? rb : ra;
        parent[gone] = keep;
        List<Integer> moved = members.remove(gone);
        if (moved != null) {
            List<Integer> kept = members.get(keep);
            if (kept == null) {
                members.put(keep, moved);
            } else {
                kept.addAll(moved);
            }
        }
    }
}
