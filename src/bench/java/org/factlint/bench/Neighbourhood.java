package org.factlint.bench;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.factlint.Checker;
import org.factlint.Factlint;
import org.factlint.facts.ClaimFact;
import org.factlint.internal.FactLoader;
import org.factlint.internal.Hooks;
import org.factlint.internal.JoinKeys;
import org.factlint.internal.Partitions;
import org.factlint.model.Document;

/**
 * How many stored claims a new 50-claim article meets through the pack's join keys: for each of the last 20 articles
 * of a generated archive, the claims of the rest that share a key value with its facts directly, per key, then the
 * claims within 2..8 hops (facts sharing a value with facts already reached). In memory, no store involved.
 * {@code java -cp target/benchmarks.jar org.factlint.bench.Neighbourhood 100000}
 */
public final class Neighbourhood {
    private Neighbourhood() {
    }

    public static void main(String[] args) {
        int claims = Integer.parseInt(args[0]);
        int adds = 20;
        List<Document> all = new ArchiveGenerator(42).archive(claims + 50 * adds);
        Checker checker = Factlint.checker();
        JoinKeys keys = Hooks.joins(checker.pack());
        FactLoader loader = new FactLoader(Hooks.tables(checker.pack()));
        loader.preResolve(all);
        List<Object> facts = new ArrayList<>();
        List<Integer> docOf = new ArrayList<>();
        for (int d = 0; d < all.size(); d++) {
            for (Object f : loader.load(all.get(d))) {
                facts.add(f);
                docOf.add(d);
            }
        }
        JoinKeys.Lookup lookup = Partitions.lookup(facts);
        // a node per value and side: J meets J, an anchor (A) meets anchors and members (X side), a member anchors
        Map<String, List<Integer>> byNode = new HashMap<>();
        List<List<String>> nodesOf = new ArrayList<>();
        for (int i = 0; i < facts.size(); i++) {
            List<String> vs = new ArrayList<>();
            for (JoinKeys.Value v : keys.values(facts.get(i), lookup)) {
                String k = v.key() + "\0" + v.value();
                switch (v.role()) {
                    case JOIN -> vs.add("J" + k);
                    case ANCHOR -> {
                        vs.add("A" + k);
                        vs.add("X" + k);
                    }
                    case MEMBER -> vs.add("X" + k);
                    default -> {
                        // lookups are copied where used: they join nothing
                    }
                }
            }
            for (String node : vs) {
                byNode.computeIfAbsent(node, x -> new ArrayList<>()).add(i);
            }
            nodesOf.add(vs);
        }
        int first = all.size() - adds;
        for (int d = first; d < all.size(); d++) {
            BitSet seen = new BitSet();
            Set<String> used = new HashSet<>();
            List<Integer> frontier = new ArrayList<>();
            for (int i = 0; i < facts.size(); i++) {
                if (docOf.get(i) == d) {
                    seen.set(i);
                    frontier.add(i);
                }
            }
            Map<String, Integer> perKey = new TreeMap<>();
            StringBuilder hops = new StringBuilder();
            for (int r = 1; r <= 8; r++) {
                List<Integer> next = new ArrayList<>();
                for (int i : frontier) {
                    for (String node : nodesOf.get(i)) {
                        String target = node.charAt(0) == 'X' ? "A" + node.substring(1)
                                : node.charAt(0) == 'A' ? "X" + node.substring(1) : node;
                        if (!used.add(target)) {
                            continue;
                        }
                        for (int j : byNode.getOrDefault(target, List.of())) {
                            if (docOf.get(j) < first && !seen.get(j)) {
                                seen.set(j);
                                next.add(j);
                                if (r == 1 && facts.get(j) instanceof ClaimFact) {
                                    perKey.merge(target.substring(1, target.indexOf('\0')), 1, Integer::sum);
                                }
                            }
                        }
                    }
                }
                frontier = next;
                int c = 0;
                for (int i = seen.nextSetBit(0); i >= 0; i = seen.nextSetBit(i + 1)) {
                    if (facts.get(i) instanceof ClaimFact) {
                        c++;
                    }
                }
                hops.append(' ').append(r).append(':').append(c);
            }
            System.out.println("article " + all.get(d).article().id() + ": met directly " + perKey
                    + "; claims within hops" + hops);
        }
    }
}
