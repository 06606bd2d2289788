package org.factlint.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.factlint.Checker;
import org.factlint.DeskSession;
import org.factlint.Factlint;
import org.factlint.model.Document;
import org.factlint.store.ClaimStore;
import org.factlint.store.FlagQuery;
import org.factlint.store.StoreCache;
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
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * One 50-claim article added to a claim store that holds a generated archive ({@link ArchiveGenerator}, seed 42), on
 * SQLite and on PostgreSQL (an embedded PostgreSQL 14 started by the benchmark), beside its two peers: the full
 * re-check of everything plus the new article ({@code recheck}) and one {@link DeskSession} holding every claim in
 * memory ({@code desk}). Every shot adds a new article of the same archive (held back from the bulk load), so the store
 * grows by 50 claims a shot. The set-up times the bulk load of the archive into an empty store beside one batch check of
 * the same documents. At the end of a trial the benchmark prints the median and p99 of the measured shots (JMH's own
 * summary gives the mean), the live heap, and checks that the store's open flags equal one batch check of everything
 * it holds (up to 100k claims: at 1M that check alone takes minutes).
 *
 * <p>A store of a size (an SQLite file, a PostgreSQL data directory) is bulk-loaded once and kept in
 * {@code target/bench/cache} ({@code -Dstore.cache=DIR}, see {@link StoreCache}); each trial works on a copy, so the
 * 1M store is loaded once, not per run, and its bulk-load figure is printed by the run that loads it. Delete the
 * directory after a change to the join keys or the generator (a schema version has entries of its own).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx12g", "-XX:+UseParallelGC"})
@Warmup(iterations = 20)
@Measurement(iterations = 100)
public class StoreBench {
    /** Articles held back from the bulk load, one per shot. */
    static final int HELD_BACK = 260;

    @Param({"10000", "100000"})
    public int claims;

    /** {@code sqlite}, {@code postgres}, or a peer: {@code recheck} (batch check of all), {@code desk} (one session). */
    @Param({"sqlite", "postgres"})
    public String store;

    private Path dir;
    private EmbeddedPostgres postgres;
    private ClaimStore claimStore;
    private DeskSession desk;
    private List<Document> held;
    private List<Document> archive;
    private int next;
    private Checker checker;
    private boolean measuring;
    private final List<Long> measured = new ArrayList<>();

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        List<Document> all = new ArchiveGenerator(42).archive(claims + 50 * HELD_BACK);
        archive = new ArrayList<>(all.subList(0, all.size() - HELD_BACK));
        held = all.subList(all.size() - HELD_BACK, all.size());
        checker = Factlint.checker();
        dir = Files.createTempDirectory("factlint-storebench");
        switch (store) {
            case "sqlite" -> claimStore = Stores.sqlite(StoreCache.sqlite(claims, dir, this::bulkLoad, checker), checker);
            case "postgres" -> {
                // the data directory is bulk-loaded once and kept (StoreCache), each trial runs on a copy
                postgres = StoreCache.postgres(claims, dir, url -> {
                    try (ClaimStore s = Stores.jdbc(url, "postgres", null, checker)) {
                        bulkLoad(s);
                    }
                });
                claimStore = Stores.jdbc(postgres.getJdbcUrl("postgres", "postgres"), "postgres", null, checker);
            }
            case "recheck" -> {
                // the documents are the store
            }
            case "desk" -> {
                desk = checker.openDesk();
                long t0 = System.nanoTime();
                archive.forEach(desk::add);
                System.out.printf("%n%d claims added to one desk session in %.1f s%n", desk.claims(),
                        (System.nanoTime() - t0) / 1e9);
            }
            default -> throw new IllegalArgumentException("store must be sqlite, postgres, recheck or desk: " + store);
        }
    }

    private void bulkLoad(ClaimStore s) {
        long t0 = System.nanoTime();
        int flags = checker.check(archive).flags().size();
        long t1 = System.nanoTime();
        s.addAll(archive);
        long t2 = System.nanoTime();
        System.out.printf("%n%s: %d claims in %d documents: batch check %.1f s (%d flags); bulk load into an empty store"
                + " %.1f s (%.2fx)%n", store, s.claims(), archive.size(), (t1 - t0) / 1e9, flags, (t2 - t1) / 1e9,
                (double) (t2 - t1) / (t1 - t0));
    }

    @Setup(Level.Iteration)
    public void iteration(IterationParams params) {
        measuring = params.getType() == IterationType.MEASUREMENT;
    }

    @Benchmark
    public Object addOneArticle() {
        Document d = held.get(next++);
        long t0 = System.nanoTime();
        Object out = switch (store) {
            case "recheck" -> {
                archive.add(d);
                yield checker.check(archive);
            }
            case "desk" -> desk.add(d);
            default -> claimStore.add(d);
        };
        if (measuring) {
            measured.add(System.nanoTime() - t0);
        }
        return out;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        List<Long> sorted = measured.stream().sorted().toList();
        if (!sorted.isEmpty()) {
            System.out.printf("%n%s, %d claims: add one 50-claim article: median %.1f ms, p99 %.1f ms, max %.1f ms"
                            + " (%d measured shots)%n", store, claims, sorted.get(sorted.size() / 2) / 1e6,
                    sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.99) - 1)) / 1e6,
                    sorted.get(sorted.size() - 1) / 1e6, sorted.size());
        }
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime rt = Runtime.getRuntime();
        System.out.printf("live heap after %d adds: %.0f MB%n", next, (rt.totalMemory() - rt.freeMemory()) / 1e6);
        if (claimStore != null) {
            if (claims <= 100_000) {
                List<org.factlint.Flag> open = claimStore.flags(FlagQuery.open()).stream().map(StoredFlag::flag)
                        .sorted().toList();
                List<org.factlint.Flag> batch = checker.check(claimStore.all()).flags();
                if (!open.equals(batch)) {
                    throw new AssertionError("the store's open flags (" + open.size() + ") differ from one batch"
                            + " check (" + batch.size() + ")");
                }
                System.out.println("open flags = one batch check of the store's documents: " + open.size());
            }
            claimStore.close();
        }
        if (desk != null) {
            desk.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        StoreCache.delete(dir);
    }
}
