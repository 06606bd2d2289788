package org.factlint.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.factlint.facts.ArticleSource;
import org.factlint.facts.ClaimFact;
import org.factlint.facts.CueFact;
import org.factlint.facts.EntityFact;
import org.factlint.facts.MemberFact;
import org.factlint.facts.MentionFact;
import org.factlint.facts.RelationFact;
import org.factlint.model.CueCategory;
import org.factlint.model.Polarity;

/**
 * Splits one working memory's facts into independent parts that can be checked in separate sessions and give, merged,
 * exactly the flags of one session. Two claims land in one part whenever some rule of the default pack can join
 * them:
 * <ul>
 * <li>same subject: every same-event join (eventKey starts with the subject), headlines, two places, spellings;
 *     the predicate table's implications and opposites keep subject and object, so they stay within it too;</li>
 * <li>a claim that spells its object (objectMention) with the claims about that object, for spellings;</li>
 * <li>a relation between them (confirms, denies, answers, questions);</li>
 * <li>"the only one" against another subject of a shared group with the same predicate and object (exclusivity);</li>
 * <li>a negated claim about a group against a member's claim with the same predicate and object
 *     (negated existence);</li>
 * </ul>
 * The source-table rule needs nothing either: it joins a table row with an article's {@link ArticleSource}, which
 * names the one claim the flag is about and goes where that claim goes. (It once compared every claim of an article
 * from a listed source with every other, which tied their subjects together: on a Zipf-shaped archive that glued the
 * popular subjects into one component holding 70% of the claims, and one core did most of the work.)
 * Lexicon cues are per claim and need nothing. An entity goes with the claims about it (rules look entities up only
 * by a claim's subject), a group membership with the claims about the group; the pack's own facts (table rows) are
 * inserted into every session by the caller. Cues and relations follow their claim; an article's declared name
 * mentions follow the claims about that entity. A pack with other cross-subject joins must not be
 * partitioned this way: {@code Checker} only partitions the bundled pack.
 */
public final class Partitions {
    private Partitions() {
    }

    /**
     * The facts split into at most {@code bins} parts of similar claim counts (largest components first, each into the
     * lightest part). Fewer parts when there are fewer independent components.
     */
    public static List<List<Object>> split(List<Object> facts, int bins) {
        return split(facts, bins, Integer.MAX_VALUE);
    }

    /**
     * The facts split into parts of similar claim counts: at least {@code minParts} (the cores), and more when that
     * keeps each part near {@code maxClaimsPerPart} claims, so a large archive is checked a few small sessions at a
     * time instead of holding every claim's rule state at once. Fewer parts when there are fewer independent
     * components. An entity (and its group memberships) goes to the part holding the claims about it: rules look
     * entities up only by the subject of a claim. The first parts hold the largest components (components are placed
     * largest first), which make the largest rule state; {@code Checker} relies on that order to run them last.
     */
    public static List<List<Object>> split(List<Object> facts, int minParts, int maxClaimsPerPart) {
        List<ClaimFact> claims = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        Map<String, EntityFact> entities = new HashMap<>();
        for (Object o : facts) {
            if (o instanceof ClaimFact c) {
                index.put(c.id(), claims.size());
                claims.add(c);
            } else if (o instanceof EntityFact e) {
                entities.putIfAbsent(e.key(), e);
            }
        }
        int n = claims.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        Map<String, Integer> firstOfSubject = new HashMap<>();
        // claims of one subject are already together: the group rules need one claim per subject, not every claim
        Map<String, Map<String, Integer>> byPredicateObject = new HashMap<>();
        for (int i = 0; i < n; i++) {
            ClaimFact c = claims.get(i);
            Integer first = firstOfSubject.putIfAbsent(c.subjectKey(), i);
            if (first != null) {
                union(parent, first, i);
            }
            byPredicateObject.computeIfAbsent(c.predicate() + "|" + c.objectKey(), k -> new HashMap<>(2))
                    .putIfAbsent(c.subjectKey(), i);
        }
        Map<String, Integer> scanned = new HashMap<>();
        // a claim's mention of its object (objectMention) meets the article's declared spelling of that entity, which
        // goes with the claims about it, or with the first claim that mentions it when none is about it
        Map<String, Integer> firstMentionOf = new HashMap<>();
        for (Object o : facts) {
            if (o instanceof MentionFact m && m.claim() != null) {
                Integer ci = index.get(m.claim());
                if (ci == null || m.entityKey().equals(claims.get(ci).subjectKey())) {
                    continue;
                }
                Integer s = firstOfSubject.get(m.entityKey());
                if (s != null) {
                    union(parent, s, ci);
                } else {
                    Integer prev = firstMentionOf.putIfAbsent(m.entityKey(), ci);
                    if (prev != null) {
                        union(parent, prev, ci);
                    }
                }
            }
        }
        for (Object o : facts) {
            if (o instanceof RelationFact r) {
                Integer from = index.get(r.from());
                Integer to = index.get(r.to());
                if (from != null && to != null) {
                    union(parent, from, to);
                }
            } else if (o instanceof CueFact w && w.category() == CueCategory.EXCLUSIVITY) {
                Integer x = index.get(w.claim());
                EntityFact e = x == null ? null : entities.get(claims.get(x).subjectKey());
                ClaimFact cx = x == null ? null : claims.get(x);
                // one scan per subject and predicate-object: the later cues join the claims the first one joined
                Integer seen = cx == null ? null : scanned.putIfAbsent("only|" + cx.subjectKey() + "|" + cx.predicate() + "|"
                        + cx.objectKey(), x);
                if (seen != null) {
                    union(parent, seen, x);
                } else if (e != null && !e.groups().isEmpty()) {
                    for (int i : byPredicateObject.get(cx.predicate() + "|" + cx.objectKey()).values()) {
                        EntityFact other = entities.get(claims.get(i).subjectKey());
                        if (other != null && e.groups().stream().anyMatch(other.groups()::contains)) {
                            union(parent, x, i);
                        }
                    }
                }
            }
        }
        java.util.Set<String> groupKeys = new java.util.HashSet<>();
        entities.values().forEach(e -> groupKeys.addAll(e.groups()));
        for (int i = 0; i < n; i++) {
            ClaimFact c = claims.get(i);
            if (c.polarity() != Polarity.NEGATED || !groupKeys.contains(c.subjectKey())) {
                continue;
            }
            Integer seen = scanned.putIfAbsent("none|" + c.subjectKey() + "|" + c.predicate() + "|" + c.objectKey(), i);
            if (seen != null) {
                union(parent, seen, i);
            } else {
                for (int j : byPredicateObject.get(c.predicate() + "|" + c.objectKey()).values()) {
                    EntityFact member = entities.get(claims.get(j).subjectKey());
                    if (member != null && member.groups().contains(c.subjectKey())) {
                        union(parent, i, j);
                    }
                }
            }
        }

        // Components into bins: largest first, each into the lightest bin.
        int[] size = new int[n];
        for (int i = 0; i < n; i++) {
            size[find(parent, i)]++;
        }
        Integer[] roots = java.util.stream.IntStream.range(0, n).filter(i -> parent[i] == i).boxed()
                .toArray(Integer[]::new);
        Arrays.sort(roots, (a, b) -> Integer.compare(size[b], size[a]));
        long wanted = Math.max(minParts, (n + (long) maxClaimsPerPart - 1) / maxClaimsPerPart);
        int parts = (int) Math.max(1, Math.min(wanted, roots.length));
        int[] binOfRoot = new int[n];
        long[] load = new long[parts];
        for (int root : roots) {
            int lightest = 0;
            for (int b = 1; b < parts; b++) {
                if (load[b] < load[lightest]) {
                    lightest = b;
                }
            }
            binOfRoot[root] = lightest;
            load[lightest] += size[root];
        }

        List<List<Object>> out = new ArrayList<>(parts);
        for (int b = 0; b < parts; b++) {
            out.add(new ArrayList<>(facts.size() / parts + 16));
        }
        Map<String, Integer> binOfSubject = new HashMap<>();
        for (int i = 0; i < n; i++) {
            binOfSubject.putIfAbsent(claims.get(i).subjectKey(), binOfRoot[find(parent, i)]);
        }
        for (Object o : facts) {
            Integer bin;
            if (o instanceof EntityFact e) {
                bin = binOfSubject.get(e.key()); // null: no claim is about it, so no rule looks it up
            } else if (o instanceof MemberFact m) {
                bin = binOfSubject.get(m.group()); // "none of the group": the group is the subject
            } else if (o instanceof ClaimFact c) {
                bin = binOfRoot[find(parent, index.get(c.id()))];
            } else if (o instanceof CueFact w) {
                bin = bin(index.get(w.claim()), parent, binOfRoot);
            } else if (o instanceof RelationFact r) {
                bin = bin(index.get(r.from()), parent, binOfRoot);
            } else if (o instanceof ArticleSource a) {
                bin = bin(index.get(a.firstClaim()), parent, binOfRoot);
            } else if (o instanceof MentionFact m) {
                // a claim's mention and an article's declared spelling both go where that entity's claims are
                bin = m.claim() != null ? bin(index.get(m.claim()), parent, binOfRoot)
                        : binOfSubject.containsKey(m.entityKey()) ? binOfSubject.get(m.entityKey())
                        : bin(firstMentionOf.get(m.entityKey()), parent, binOfRoot);
            } else {
                throw new IllegalArgumentException("cannot place a fact of " + o.getClass().getName());
            }
            if (bin != null) {
                out.get(bin).add(o);
            }
        }
        return out;
    }

    private static Integer bin(Integer claim, int[] parent, int[] binOfRoot) {
        return claim == null ? null : binOfRoot[find(parent, claim)];
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }
}
