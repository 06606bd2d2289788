package org.factlint.flink;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.factlint.internal.JoinKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Archive mode's union-find (one task, keyed by a constant): the facts' key hashes ({@link Archive.DocKeys}) kept in
 * map state until the input ends, then the components, with the rules of {@link
 * org.factlint.internal.Partitions#components} (facts sharing a value of a key join; an anchored key's members join
 * when an anchor of the value exists; reference data joins nothing and is copied into every part that uses its
 * value), over ints and longs only. Components are binned, in order of their first fact, into parts of about
 * {@link Router#PART_CLAIMS} claims. Emits each document's {@link Archive.Labels}, and each part's size on
 * {@link #SIZES}. When the check stage's parallelism is known, each part's key is chosen so that Flink's key groups
 * send it to the check task with the least work so far, heaviest part first ({@link #keys}): hash routing of a few
 * hundred parts of unequal size left one of two tasks with a third more work than the other.
 */
final class Placer extends KeyedProcessFunction<Integer, Archive.DocKeys, Archive.Labels> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(Placer.class);
    static final OutputTag<Archive.BinSize> SIZES = new OutputTag<>("part-sizes") {
    };
    private static final int JOIN = JoinKeys.Role.JOIN.ordinal();
    private static final int ANCHOR = JoinKeys.Role.ANCHOR.ordinal();
    private static final int MEMBER = JoinKeys.Role.MEMBER.ordinal();
    private static final int LOOKUP = JoinKeys.Role.LOOKUP.ordinal();
    private static final int USES = JoinKeys.Role.USES.ordinal();

    /** The check stage's parallelism and max parallelism; 0: unknown, parts keyed by their number. */
    private final int checkers;
    private final int maxParallelism;
    /**
     * By document: a map, not a list, so that RocksDB holds one entry per document (a list state's appends are merge
     * operands of one value, which compactions rewrite whole).
     */
    private transient MapState<Long, Archive.DocKeys> docs;

    Placer(int checkers, int maxParallelism) {
        this.checkers = checkers;
        this.maxParallelism = maxParallelism;
    }

    @Override
    public void open(OpenContext context) {
        docs = getRuntimeContext().getMapState(new MapStateDescriptor<>("keys", Long.class, Archive.DocKeys.class));
    }

    @Override
    public void processElement(Archive.DocKeys keys, Context ctx, Collector<Archive.Labels> out) throws Exception {
        docs.put(keys.seq, keys);
        ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Archive.Labels> out) throws Exception {
        List<Archive.DocKeys> all = new ArrayList<>();
        docs.values().forEach(all::add);
        List<Archive.BinSize> sizes = place(all, out::collect, checkers, maxParallelism);
        sizes.forEach(s -> ctx.output(SIZES, s));
        LOG.info("{} documents placed into {} parts", all.size(), sizes.size());
        docs.clear();
    }

    /**
     * The union-find and the binning: each document's labels to {@code labels}; returns the parts' sizes. Parts are
     * keyed for {@code checkers} check tasks ({@link #keys}; 0 or 1: by their number).
     */
    static List<Archive.BinSize> place(List<Archive.DocKeys> all, java.util.function.Consumer<Archive.Labels> out,
                                       int checkers, int maxParallelism) {
        return bins(all, out, checkers, maxParallelism).sizes();
    }

    /** The parts: each one's size, claims and join pairs ({@link #weight}). */
    record Bins(List<Archive.BinSize> sizes, int[] claims, long[] pairs) {
    }

    /** {@link #place}, with what each part weighs. */
    static Bins bins(List<Archive.DocKeys> all, java.util.function.Consumer<Archive.Labels> out, int checkers,
                     int maxParallelism) {
        all.sort(Comparator.comparingLong(d -> d.seq));
        long[] base = new long[all.size()];
        int n = 0;
        int values = 0;
        for (int d = 0; d < all.size(); d++) {
            base[d] = n;
            n += all.get(d).claim.length;
            values += all.get(d).hi.length;
        }
        Hash128 index = new Hash128(values);
        int[] parent = new int[n];
        boolean[] lookup = new boolean[n];
        boolean[] claim = new boolean[n];
        int[] joinFirst = new int[values];
        int[] anchorFirst = new int[values];
        Arrays.fill(joinFirst, -1);
        Arrays.fill(anchorFirst, -1);
        int[] joining = new int[values]; // facts with the value under a joining or anchoring key
        int[] membering = new int[values];
        IntPairs members = new IntPairs();
        IntPairs lookups = new IntPairs();
        IntPairs uses = new IntPairs();
        for (int d = 0; d < all.size(); d++) {
            Archive.DocKeys k = all.get(d);
            for (int f = 0; f < k.claim.length; f++) {
                int i = (int) base[d] + f;
                parent[i] = i;
                claim[i] = k.claim[f];
                for (int j = k.start[f]; j < k.start[f + 1]; j++) {
                    int v = index.id(k.hi[j], k.lo[j]);
                    int role = k.role[j];
                    if (role == JOIN || role == ANCHOR) {
                        joining[v]++;
                    } else if (role == MEMBER) {
                        membering[v]++;
                    }
                    if (role == JOIN) {
                        if (joinFirst[v] < 0) {
                            joinFirst[v] = i;
                        } else {
                            union(parent, joinFirst[v], i);
                        }
                    } else if (role == ANCHOR) {
                        if (anchorFirst[v] < 0) {
                            anchorFirst[v] = i;
                        } else {
                            union(parent, anchorFirst[v], i);
                        }
                    } else if (role == MEMBER) {
                        members.add(v, i);
                    } else if (role == LOOKUP) {
                        lookup[i] = true;
                        lookups.add(v, i);
                    } else if (role == USES) {
                        uses.add(v, i);
                    }
                }
            }
        }
        for (int m = 0; m < members.size; m++) {
            int anchor = anchorFirst[members.a[m]];
            if (anchor >= 0) {
                union(parent, anchor, members.b[m]);
            }
        }
        // components in order of their first fact, binned by claims; reference data goes where it is used
        int[] claimsOf = new int[n];
        boolean[] placed = new boolean[n];
        for (int i = 0; i < n; i++) {
            int r = find(parent, i);
            parent[i] = r;
            if (!lookup[i]) {
                placed[r] = true;
                if (claim[i]) {
                    claimsOf[r]++;
                }
            }
        }
        int[] binOfRoot = new int[n];
        int bins = 0;
        int binClaims = 0;
        boolean open = false;
        for (int r = 0; r < n; r++) {
            if (parent[r] == r && placed[r]) {
                binOfRoot[r] = bins;
                open = true;
                binClaims += claimsOf[r];
                if (binClaims >= Router.PART_CLAIMS) {
                    bins++;
                    binClaims = 0;
                    open = false;
                }
            }
        }
        if (open) {
            bins++;
        }
        int[] binFacts = new int[bins];
        int[] binClaimsOf = new int[bins];
        for (int i = 0; i < n; i++) {
            if (!lookup[i]) {
                binFacts[binOfRoot[parent[i]]]++;
                if (claim[i]) {
                    binClaimsOf[binOfRoot[parent[i]]]++;
                }
            }
        }
        // the pairs of facts that share a joined value: what a rule joining on it meets (members join when anchored)
        long[] binPairs = new long[bins];
        for (int v = 0; v < values; v++) {
            long k = joining[v] + (anchorFirst[v] >= 0 ? membering[v] : 0);
            int first = joinFirst[v] >= 0 ? joinFirst[v] : anchorFirst[v];
            if (k > 1 && first >= 0 && !lookup[first]) {
                binPairs[binOfRoot[parent[first]]] += k * (k - 1) / 2;
            }
        }
        double[] weight = new double[bins];
        Arrays.setAll(weight, b -> weight(binClaimsOf[b], binPairs[b]));
        int[] key = keys(weight, checkers, maxParallelism);
        if (LOG.isDebugEnabled()) { // joined with BinChecker's debug line by key: each part's cost against its weight
            for (int b = 0; b < bins; b++) {
                LOG.debug("placed part {}: {} claims, {} join pairs, weight {}", key[b], binClaimsOf[b], binPairs[b],
                        Math.round(weight[b]));
            }
        }
        // (value, bin) of every use, then (lookup fact, bin) of every copy, each sorted and without repeats
        long[] used = new long[uses.size];
        for (int u = 0; u < uses.size; u++) {
            int i = uses.b[u];
            used[u] = lookup[i] ? -1 : ((long) uses.a[u] << 32) | binOfRoot[parent[i]];
        }
        used = distinct(used);
        long[] copied = new long[0];
        List<long[]> chunks = new ArrayList<>();
        for (int l = 0; l < lookups.size; l++) {
            long v = lookups.a[l];
            int from = firstAtLeast(used, v << 32);
            int to = from;
            while (to < used.length && (used[to] >>> 32) == v) {
                to++;
            }
            long[] mine = new long[to - from];
            for (int t = from; t < to; t++) {
                mine[t - from] = ((long) lookups.b[l] << 32) | (used[t] & 0xffffffffL);
            }
            chunks.add(mine);
        }
        copied = distinct(chunks.stream().flatMapToLong(Arrays::stream).toArray());
        for (long c : copied) {
            binFacts[(int) c]++;
        }
        int next = 0; // the first copy of the current fact in copied
        for (int d = 0; d < all.size(); d++) {
            Archive.DocKeys k = all.get(d);
            Archive.Labels labels = new Archive.Labels();
            labels.seq = k.seq;
            labels.base = base[d];
            int facts = k.claim.length;
            labels.bin = new int[facts];
            labels.copyStart = new int[facts + 1];
            List<Integer> copies = new ArrayList<>();
            for (int f = 0; f < facts; f++) {
                int i = (int) base[d] + f;
                labels.copyStart[f] = copies.size();
                if (lookup[i]) {
                    labels.bin[f] = -1;
                    while (next < copied.length && (copied[next] >>> 32) < i) {
                        next++;
                    }
                    while (next < copied.length && (copied[next] >>> 32) == i) {
                        copies.add(key[(int) copied[next++]]);
                    }
                } else {
                    labels.bin[f] = key[binOfRoot[parent[i]]];
                }
            }
            labels.copyStart[facts] = copies.size();
            labels.copies = copies.stream().mapToInt(Integer::intValue).toArray();
            out.accept(labels);
        }
        List<Archive.BinSize> sizes = new ArrayList<>(bins);
        for (int b = 0; b < bins; b++) {
            sizes.add(new Archive.BinSize(key[b], binFacts[b]));
        }
        return new Bins(sizes, binClaimsOf, binPairs);
    }

    /**
     * Each part's key: with several check tasks, the parts heaviest first ({@link #weight}) each go to the task with
     * the least weight so far (longest-processing-time first), under the first unused int that Flink's key groups
     * ({@link KeyGroupRangeAssignment}) send to that task. Which task checks a part changes no flag.
     */
    static int[] keys(double[] weight, int checkers, int maxParallelism) {
        int[] key = new int[weight.length];
        if (checkers <= 1) {
            Arrays.setAll(key, b -> b);
            return key;
        }
        Integer[] order = new Integer[weight.length];
        Arrays.setAll(order, b -> b);
        Arrays.sort(order, Comparator.comparingDouble((Integer b) -> -weight[b]).thenComparingInt(b -> b));
        double[] load = new double[checkers];
        int[] next = new int[checkers]; // the next int to try for each task
        for (int b : order) {
            int task = 0;
            for (int t = 1; t < checkers; t++) {
                if (load[t] < load[task]) {
                    task = t;
                }
            }
            load[task] += weight[b];
            int k = next[task];
            while (KeyGroupRangeAssignment.assignKeyToParallelOperator(k, maxParallelism, checkers) != task) {
                k++;
            }
            key[b] = k;
            next[task] = k + 1;
        }
        return key;
    }

    /**
     * Join pairs that cost as much to check as one claim ({@link #weight}): a least-squares fit of the parts' costs
     * in the 300k bench archive's split ({@code src/bench/flink.sh 300000 0}: 38 µs per claim, 0.27 µs per pair, 152).
     */
    static final double PAIRS_PER_CLAIM = 150;

    /**
     * What checking a part costs, in claims: its claims, and the pairs of its facts that share a joined value (a
     * value held by k facts makes k(k-1)/2), which is where a large component's cost comes from. Claims alone do not
     * say it: in the 1M bench archive the second largest part (39,784 claims) cost 4.4 times a small part's per claim,
     * parts of about 25,000 claims 3 times; their join pairs (42.7M, 13.5M to 18.6M) rank them as their costs do.
     */
    static double weight(int claims, long pairs) {
        return claims + pairs / PAIRS_PER_CLAIM;
    }

    private static long[] distinct(long[] a) {
        long[] s = Arrays.stream(a).filter(x -> x >= 0).sorted().distinct().toArray();
        return s;
    }

    private static int firstAtLeast(long[] sorted, long v) {
        int i = Arrays.binarySearch(sorted, v);
        return i >= 0 ? i : -i - 1;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** The smaller root wins, so a component's root is its first fact whatever the order of the unions. */
    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }

    /** A growing list of int pairs. */
    private static final class IntPairs {
        int[] a = new int[1024];
        int[] b = new int[1024];
        int size;

        void add(int x, int y) {
            if (size == a.length) {
                a = Arrays.copyOf(a, size * 2);
                b = Arrays.copyOf(b, size * 2);
            }
            a[size] = x;
            b[size++] = y;
        }
    }

    /** Dense ids for 128-bit hashes: open addressing, linear probing, sized for all the values at once. */
    private static final class Hash128 {
        private final long[] his;
        private final long[] los;
        private final int[] ids;
        private final int mask;
        private int size;

        Hash128(int expected) {
            int cap = Integer.highestOneBit(Math.max(16, expected) * 2 - 1) << 1;
            his = new long[cap];
            los = new long[cap];
            ids = new int[cap];
            Arrays.fill(ids, -1);
            mask = cap - 1;
        }

        int id(long hi, long lo) {
            int slot = (int) (hi ^ (hi >>> 32)) & mask;
            while (ids[slot] >= 0) {
                if (his[slot] == hi && los[slot] == lo) {
                    return ids[slot];
                }
                slot = (slot + 1) & mask;
            }
            his[slot] = hi;
            los[slot] = lo;
            ids[slot] = size;
            return size++;
        }
    }
}
