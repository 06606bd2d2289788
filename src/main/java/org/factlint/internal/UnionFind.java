package org.factlint.internal;

/**
 * Union-find over the indices of an {@code int[]} parent array (each index its own root at first): the smaller root
 * wins a union, so the root of a set is its smallest index and does not depend on the order of the unions.
 */
final class UnionFind {
    private UnionFind() {
    }

    static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }
}
