package org.factlint.bench;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.factlint.Flag;

/** Asserts two implementations raised the same flags, naming what differs. */
final class Same {
    private Same() {
    }

    /** A flag as compared: its code and its claims, in order. */
    record Key(String code, java.util.List<String> claims) {
    }

    static Set<Key> keys(Collection<Flag> flags) {
        return flags.stream().map(f -> new Key(f.code(), f.claims())).collect(Collectors.toSet());
    }

    /** Throws unless both raised the same (code, claims) set, and as many flags. */
    static void flags(String what, Collection<Flag> expected, String whatOther, Collection<Flag> actual) {
        Set<Key> e = keys(expected);
        Set<Key> a = keys(actual);
        if (e.equals(a) && new HashSet<>(expected).size() == new HashSet<>(actual).size()) {
            return;
        }
        Set<Key> missing = new HashSet<>(e);
        missing.removeAll(a);
        Set<Key> extra = new HashSet<>(a);
        extra.removeAll(e);
        throw new AssertionError(whatOther + " differs from " + what + ": " + e.size() + " vs " + a.size()
                + " flags; missing " + missing.size() + " " + missing.stream().limit(5).toList() + "; extra "
                + extra.size() + " " + extra.stream().limit(5).toList());
    }

    static Map<String, Long> byCode(Collection<Flag> flags) {
        return flags.stream().collect(Collectors.groupingBy(Flag::code, TreeMap::new, Collectors.counting()));
    }
}
