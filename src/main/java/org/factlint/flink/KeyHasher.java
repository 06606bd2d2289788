package org.factlint.flink;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.util.Collector;
import org.factlint.RulePack;
import org.factlint.facts.ClaimFact;
import org.factlint.facts.EntityFact;
import org.factlint.internal.FactLoader;
import org.factlint.internal.Hooks;
import org.factlint.internal.JoinKeys;
import org.factlint.model.Document;

/**
 * Archive mode, in parallel: a document's facts (made from its {@link Archive.Doc}) and the hashes of their join-key
 * values ({@link JoinKeys#values}, the pack's {@code joins.csv}), for the union-find in {@link Placer}.
 */
final class KeyHasher extends RichFlatMapFunction<Archive.Doc, Archive.DocKeys> {
    private static final long serialVersionUID = 1L;
    private static final List<JoinKeys.Value> ONE = List.of(new JoinKeys.Value("all", "all", JoinKeys.Role.JOIN));

    private final String rulesDir;
    private transient FactLoader loader;
    /** Null when the pack does not place every fact type: then every fact is in one component. */
    private transient JoinKeys keys;

    KeyHasher(String rulesDir) {
        this.rulesDir = rulesDir;
    }

    @Override
    public void open(OpenContext context) {
        RulePack pack = Packs.load(rulesDir);
        loader = new FactLoader(Hooks.tables(pack));
        keys = placing(pack);
    }

    /** The pack's join keys, or null when they do not place every fact type of a document. */
    static JoinKeys placing(RulePack pack) {
        JoinKeys k = Hooks.joins(pack);
        return k != null && k.places(Codec.types()) ? k : null;
    }

    /** The facts of a document as the resolver decided them. */
    static List<Object> facts(FactLoader loader, Archive.Doc doc, Resolver.Resolution r) {
        Document d = Resolver.document(doc);
        return loader.facts(d, r.resolved());
    }

    @Override
    public void flatMap(Archive.Doc doc, Collector<Archive.DocKeys> out) {
        out.collect(keys(loader, keys, doc));
    }

    /** A document's facts' key hashes; {@code keys} null puts every fact in one component. */
    static Archive.DocKeys keys(FactLoader loader, JoinKeys keys, Archive.Doc doc) {
        Resolver.Resolution r = Resolver.Resolution.of(doc.resolved);
        List<Object> facts = facts(loader, doc, r);
        Map<String, ClaimFact> claims = new HashMap<>();
        for (Object o : facts) {
            if (o instanceof ClaimFact c) {
                claims.put(c.id(), c);
            }
        }
        Map<String, EntityFact> entities = new HashMap<>();
        r.groups().forEach((key, groups) -> entities.put(key, new EntityFact(key, null, null, new HashSet<>(groups))));
        JoinKeys.Lookup lookup = JoinKeys.Lookup.of(claims, entities);
        int n = facts.size();
        Archive.DocKeys k = new Archive.DocKeys();
        k.seq = doc.seq;
        k.start = new int[n + 1];
        k.claim = new boolean[n];
        List<List<JoinKeys.Value>> values = new java.util.ArrayList<>(n);
        int total = 0;
        for (int i = 0; i < n; i++) {
            Object f = facts.get(i);
            List<JoinKeys.Value> v = keys == null ? ONE : keys.values(f, lookup);
            values.add(v);
            total += v.size();
            k.claim[i] = f instanceof ClaimFact;
        }
        k.hi = new long[total];
        k.lo = new long[total];
        k.role = new byte[total];
        int j = 0;
        for (int i = 0; i < n; i++) {
            k.start[i] = j;
            for (JoinKeys.Value v : values.get(i)) {
                String text = v.key() + '\u0000' + v.value();
                k.hi[j] = hashA(text);
                k.lo[j] = hashB(text);
                k.role[j] = (byte) v.role().ordinal();
                j++;
            }
        }
        k.start[n] = j;
        return k;
    }

    /** FNV-1a over the characters, then a 64-bit finaliser. */
    static long hashA(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return mix(h);
    }

    /** A second, independent multiplicative hash (another seed and multiplier), finalised the same way. */
    static long hashB(String s) {
        long h = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0xC2B2AE3D27D4EB4FL;
            h = Long.rotateLeft(h, 29);
        }
        return mix(h + s.length());
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
