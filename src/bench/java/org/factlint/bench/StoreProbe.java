package org.factlint.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.factlint.Checker;
import org.factlint.Factlint;
import org.factlint.model.Document;
import org.factlint.store.Change;
import org.factlint.store.ClaimStore;
import org.factlint.store.Stores;

/**
 * A crude probe outside JMH: bulk-loads a generated archive into an empty SQLite store, then adds held-back
 * 50-claim articles one at a time and prints each add's time and how many documents it checked. Run with
 * {@code -Dorg.slf4j.simpleLogger.log.org.factlint.store=debug} for the store's phase timings.
 * {@code java -cp target/benchmarks.jar org.factlint.bench.StoreProbe CLAIMS ADDS}
 */
public final class StoreProbe {
    private StoreProbe() {
    }

    public static void main(String[] args) throws Exception {
        int claims = Integer.parseInt(args[0]);
        int adds = Integer.parseInt(args[1]);
        List<Document> all = new ArchiveGenerator(42).archive(claims + 50 * adds);
        List<Document> archive = all.subList(0, all.size() - adds);
        List<Document> fresh = all.subList(all.size() - adds, all.size());
        Checker checker = Factlint.checker();
        Path dir = Files.createTempDirectory("factlint-probe");
        try (ClaimStore store = Stores.sqlite(dir.resolve("probe.store"), checker)) {
            long t0 = System.nanoTime();
            store.addAll(archive);
            System.out.printf("bulk load of %d claims: %.1f s%n", claims, (System.nanoTime() - t0) / 1e9);
            long[] ms = new long[adds];
            for (int i = 0; i < adds; i++) {
                long t = System.nanoTime();
                Change c = store.add(fresh.get(i));
                ms[i] = (System.nanoTime() - t) / 1_000;
                System.out.printf("add %d: %.1f ms, %d documents checked%n", i, ms[i] / 1e3, c.checked());
            }
            Arrays.sort(ms);
            System.out.printf("median %.1f ms, max %.1f ms%n", ms[adds / 2] / 1e3, ms[adds - 1] / 1e3);
        }
    }
}
