package org.factlint.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.factlint.Checker;
import org.factlint.Factlint;
import org.factlint.model.Document;
import org.factlint.store.ClaimStore;
import org.factlint.store.FlagQuery;
import org.factlint.store.StoredFlag;
import org.factlint.store.Stores;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One 50-claim article added to an SQLite claim store that holds a generated archive: the store stores it, loads the
 * stored facts it meets, checks them in a fresh session and records what changed. Every shot adds a new article of
 * the same archive (held back from the bulk load), so the store grows by 50 claims a shot. The bulk load of the
 * archive is timed in the set-up, beside one batch check of the same documents; the live heap after the adds is
 * printed. At the end the store's open flags are compared with one batch check of everything it holds.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx12g", "-XX:+UseParallelGC"})
@Warmup(iterations = 40)
@Measurement(iterations = 200)
public class StoreBench {
    /** Articles held back from the bulk load, one per shot. */
    static final int HELD_BACK = 260;

    @Param({"10000", "100000"})
    public int claims;

    private Path dir;
    private ClaimStore store;
    private List<Document> fresh;
    private int next;
    private Checker checker;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        List<Document> all = new ArchiveGenerator(42).archive(claims + 50 * HELD_BACK);
        List<Document> archive = all.subList(0, all.size() - HELD_BACK);
        fresh = all.subList(all.size() - HELD_BACK, all.size());
        checker = Factlint.checker();
        long t0 = System.nanoTime();
        int flags = checker.check(archive).flags().size();
        long t1 = System.nanoTime();
        dir = Files.createTempDirectory("factlint-storebench");
        store = Stores.sqlite(dir.resolve("bench.store"), checker);
        long t2 = System.nanoTime();
        store.addAll(archive);
        long t3 = System.nanoTime();
        System.out.printf("%n%d claims in %d documents: batch check %.1f s (%d flags); bulk load into an empty store"
                        + " %.1f s (%.2fx); store file %.0f MB%n", store.claims(), archive.size(), (t1 - t0) / 1e9, flags,
                (t3 - t2) / 1e9, (double) (t3 - t2) / (t1 - t0), Files.size(dir.resolve("bench.store")) / 1e6);
    }

    @Benchmark
    public Object addOneArticle() {
        return store.add(fresh.get(next++));
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime rt = Runtime.getRuntime();
        System.out.printf("%nlive heap after %d adds: %.0f MB (store of %d claims)%n", next,
                (rt.totalMemory() - rt.freeMemory()) / 1e6, store.claims());
        List<org.factlint.Flag> open = store.flags(FlagQuery.open()).stream().map(StoredFlag::flag).sorted().toList();
        List<org.factlint.Flag> batch = checker.check(store.all()).flags();
        if (!open.equals(batch)) {
            throw new AssertionError("the store's open flags (" + open.size() + ") differ from one batch check ("
                    + batch.size() + ")");
        }
        System.out.println("open flags = one batch check of the store's documents: " + open.size());
        store.close();
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }
}
