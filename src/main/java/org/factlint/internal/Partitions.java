package org.factlint.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.factlint.facts.ClaimFact;
import org.factlint.facts.EntityFact;

/**
 * Splits one working memory's facts into independent parts that can be checked in separate sessions and give, merged,
 * exactly the flags of one session. Which facts must share a part is the pack's knowledge, not this class's: facts
 * sharing a value of a key the pack declares in {@code joins.csv} ({@link JoinKeys}) land in one part, an anchored
 * key's members only when an anchor of that value is there. A fact type the declaration does not place makes
 * {@link #split} throw: a pack that does not say what its rules join is never split.
 *
 * <p>Parts are filled by claim count. A lookup fact (reference data, role {@code lookup}) is copied into every part
 * that uses its value, and into none when nothing does; the pack's own table rows are inserted into every session by
 * the caller.
 */
public final class Partitions {
    private Partitions() {
    }

    /**
     * The facts split into at most {@code bins} parts of similar claim counts (largest components first, each into the
     * lightest part). Fewer parts when there are fewer independent components.
     */
    public static List<List<Object>> split(JoinKeys keys, List<Object> facts, int bins) {
        return split(keys, facts, bins, Integer.MAX_VALUE);
    }

    /** What a fact's key values are looked up in: the claims and entities among the facts. */
    public static JoinKeys.Lookup lookup(List<?> facts) {
        Map<String, ClaimFact> claims = new HashMap<>();
        Map<String, EntityFact> entities = new HashMap<>();
        for (Object o : facts) {
            if (o instanceof ClaimFact c) {
                claims.put(c.id(), c);
            } else if (o instanceof EntityFact e) {
                entities.putIfAbsent(e.key(), e);
            }
        }
        return JoinKeys.Lookup.of(claims, entities);
    }

    /**
     * The component of every fact: facts with the same number may be joined by a rule; no rule joins facts of
     * different numbers. Numbers are indexes into {@code facts} (the smallest index of the component).
     */
    public static int[] components(JoinKeys keys, List<?> facts) {
        JoinKeys.Lookup lookup = lookup(facts);
        int n = facts.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        Map<String, Integer> first = new HashMap<>();
        Map<String, Integer> anchors = new HashMap<>();
        Map<String, List<Integer>> members = new HashMap<>();
        for (int i = 0; i < n; i++) {
            for (JoinKeys.Value v : keys.values(facts.get(i), lookup)) {
                String k = v.key() + '\u0000' + v.value();
                switch (v.role()) {
                    case JOIN -> {
                        Integer f = first.putIfAbsent(k, i);
                        if (f != null) {
                            union(parent, f, i);
                        }
                    }
                    case ANCHOR -> {
                        Integer f = anchors.putIfAbsent(k, i);
                        if (f != null) {
                            union(parent, f, i);
                        }
                    }
                    case MEMBER -> members.computeIfAbsent(k, x -> new ArrayList<>(2)).add(i);
                    case LOOKUP, USES -> {
                        // reference data joins nothing: split() copies it where it is used
                    }
                }
            }
        }
        members.forEach((k, list) -> {
            Integer anchor = anchors.get(k);
            if (anchor != null) {
                list.forEach(i -> union(parent, anchor, i));
            }
        });
        for (int i = 0; i < n; i++) {
            parent[i] = find(parent, i);
        }
        return parent;
    }

    /**
     * The facts split into parts of similar claim counts: at least {@code minParts} (the cores), and more when that
     * keeps each part near {@code maxClaimsPerPart} claims, so a large archive is checked a few small sessions at a
     * time instead of holding every claim's rule state at once. Fewer parts when there are fewer independent
     * components. The first parts hold the largest components (components are placed largest first), which make the
     * largest rule state; {@code Checker} relies on that order to run them last.
     *
     * @throws IllegalArgumentException when {@code keys} does not place a fact's type
     */
    public static List<List<Object>> split(JoinKeys keys, List<Object> facts, int minParts, int maxClaimsPerPart) {
        int n = facts.size();
        int[] root = components(keys, facts);
        int[] size = new int[n];
        int[] factSize = new int[n];
        int claims = 0;
        for (int i = 0; i < n; i++) {
            factSize[root[i]]++;
            if (facts.get(i) instanceof ClaimFact) {
                size[root[i]]++;
                claims++;
            }
        }
        Integer[] roots = java.util.stream.IntStream.range(0, n).filter(i -> root[i] == i).boxed()
                .toArray(Integer[]::new);
        Arrays.sort(roots, (a, b) -> size[a] != size[b] ? Integer.compare(size[b], size[a])
                : Integer.compare(factSize[b], factSize[a]));
        long withClaims = Arrays.stream(roots).filter(r -> size[r] > 0).count();
        long wanted = Math.max(minParts, (claims + (long) maxClaimsPerPart - 1) / maxClaimsPerPart);
        int parts = (int) Math.max(1, Math.min(wanted, withClaims));
        int[] binOfRoot = new int[n];
        long[] load = new long[parts];
        long[] factLoad = new long[parts];
        for (int r : roots) {
            // Components with claims are balanced by claims (their rule state); those without any (a declared name's
            // words that no claim of its article spells) by facts: balanced by claims they all went to one part,
            // at 100k claims 395k facts in one part of four.
            long[] by = size[r] > 0 ? load : factLoad;
            int lightest = 0;
            for (int b = 1; b < parts; b++) {
                if (by[b] < by[lightest]) {
                    lightest = b;
                }
            }
            binOfRoot[r] = lightest;
            load[lightest] += size[r];
            factLoad[lightest] += factSize[r];
        }
        List<List<Object>> out = new ArrayList<>(parts);
        for (int b = 0; b < parts; b++) {
            out.add(new ArrayList<>(n / parts + 16));
        }
        // Lookup facts (reference data such as entities) go into every part that uses their value, the others where
        // their component is.
        JoinKeys.Lookup lookup = lookup(facts);
        Map<String, List<Integer>> lookups = new HashMap<>();
        boolean[] isLookup = new boolean[n];
        List<List<String>> uses = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<String> mine = null;
            for (JoinKeys.Value v : keys.values(facts.get(i), lookup)) {
                String k = v.key() + '\u0000' + v.value();
                if (v.role() == JoinKeys.Role.LOOKUP) {
                    isLookup[i] = true;
                    lookups.computeIfAbsent(k, x -> new ArrayList<>(1)).add(i);
                } else if (v.role() == JoinKeys.Role.USES) {
                    if (mine == null) {
                        mine = new ArrayList<>(1);
                    }
                    mine.add(k);
                }
            }
            uses.add(mine);
        }
        List<java.util.Set<Integer>> copied = new ArrayList<>(parts);
        for (int b = 0; b < parts; b++) {
            copied.add(new java.util.HashSet<>());
        }
        for (int i = 0; i < n; i++) {
            if (isLookup[i]) {
                continue;
            }
            int bin = binOfRoot[root[i]];
            out.get(bin).add(facts.get(i));
            if (uses.get(i) != null) {
                for (String k : uses.get(i)) {
                    for (int l : lookups.getOrDefault(k, List.of())) {
                        if (copied.get(bin).add(l)) {
                            out.get(bin).add(facts.get(l));
                        }
                    }
                }
            }
        }
        return out;
    }

    private static int find(int[] parent, int i) {
        return UnionFind.find(parent, i);
    }

    private static void union(int[] parent, int a, int b) {
        UnionFind.union(parent, a, b);
    }
}
