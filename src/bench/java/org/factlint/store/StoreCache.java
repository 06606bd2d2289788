package org.factlint.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.factlint.Checker;
import org.factlint.model.Document;

/**
 * Bulk-loaded archive stores kept between benchmark runs, so that a 1M-claim store is loaded once and every run then
 * only adds: an SQLite file, or the data directory of an embedded PostgreSQL 14 (stopped cleanly after the load).
 * Each run works on a copy. The cache is {@code target/bench/cache} ({@code -Dstore.cache=DIR}); an entry's name
 * holds the schema version and the bundled pack's digest, so a migration or a change of the pack (its join keys,
 * {@code undated.csv}: the stored key rows and flags follow from them) starts afresh; a change of the generator does
 * not: delete the directory then.
 */
public final class StoreCache {
    private StoreCache() {
    }

    /** The entry's name: its size, the schema version and the first digits of the bundled pack's digest. */
    private static String name(String kind, int claims) {
        return kind + "-" + claims + "-v" + Stores.SCHEMA_VERSION + "-p"
                + org.factlint.RulePack.bundled().digest().substring(0, 10);
    }

    static Path root() {
        return Path.of(System.getProperty("store.cache", "target/bench/cache"));
    }

    /** A working copy of the SQLite store of this size, bulk-loaded by {@code load} the first time. */
    public static Path sqlite(int claims, Path workDir, Consumer<ClaimStore> load, Checker checker) throws IOException {
        Path cache = root().resolve(name("archive", claims) + ".store");
        if (!Files.exists(cache)) {
            Files.createDirectories(cache.getParent());
            Path loading = cache.resolveSibling(cache.getFileName() + ".loading");
            Files.deleteIfExists(loading);
            try (ClaimStore s = Stores.sqlite(loading, checker)) {
                load.accept(s);
            }
            Files.move(loading, cache, StandardCopyOption.ATOMIC_MOVE);
        } else {
            System.out.printf("%nreusing the bulk-loaded store %s (%.0f MB)%n", cache, Files.size(cache) / 1e6);
        }
        Path copy = workDir.resolve("bench.store");
        Files.copy(cache, copy, StandardCopyOption.REPLACE_EXISTING);
        return copy;
    }

    /** A PostgreSQL server on a copy of the data directory of this size, bulk-loaded by {@code load} the first time. */
    public static EmbeddedPostgres postgres(int claims, Path workDir, Consumer<String> load) throws IOException {
        Path cache = root().resolve(name("pg", claims));
        if (!Files.isDirectory(cache)) {
            Path loading = cache.resolveSibling(cache.getFileName() + ".loading");
            delete(loading);
            Files.createDirectories(loading);
            try (EmbeddedPostgres pg = server(loading, false)) {
                load.accept(pg.getJdbcUrl("postgres", "postgres"));
            }
            Files.move(loading, cache, StandardCopyOption.ATOMIC_MOVE);
        } else {
            System.out.printf("%nreusing the bulk-loaded PostgreSQL data directory %s%n", cache);
        }
        // A store after its bulk load as a newsroom's server keeps it: vacuumed and analysed. Without it the copy's
        // autovacuum vacuums and analyses the new tables during the measured adds (at 1M, all of them).
        Path vacuumed = cache.resolveSibling(cache.getFileName() + ".vacuumed");
        if (!Files.exists(vacuumed)) {
            try (EmbeddedPostgres pg = server(cache, false);
                 java.sql.Connection c = pg.getPostgresDatabase().getConnection();
                 java.sql.Statement st = c.createStatement()) {
                long t0 = System.nanoTime();
                st.execute("VACUUM ANALYZE");
                System.out.printf("%nVACUUM ANALYZE of the bulk-loaded store: %.1f s%n", (System.nanoTime() - t0) / 1e9);
            } catch (java.sql.SQLException e) {
                throw new IOException("cannot vacuum " + cache, e);
            }
            Files.createFile(vacuumed);
        }
        Path copy = workDir.resolve("pgdata");
        delete(copy);
        copyTree(cache, copy);
        // Not "clean": zonky runs initdb on a clean data directory (and deletes it on close), which a copy of a loaded
        // one must not have; the caller deletes the copy.
        return server(copy, false);
    }

    /** Durable commits, as a newsroom's server runs (the embedded default turns synchronous_commit off). */
    private static EmbeddedPostgres server(Path data, boolean clean) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(clean)
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on").start();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    // with the source's modes: PostgreSQL refuses a data directory open to others (it wants 0700/0750)
                    Files.createDirectories(target);
                    Files.setPosixFilePermissions(target, Files.getPosixFilePermissions(p));
                } else if (!p.getFileName().toString().equals("postmaster.pid")
                        && !p.getFileName().toString().equals("epg-lock")) {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    public static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The documents of the generated archive kept out of the bulk load, one per add. */
    static List<Document> tail(List<Document> all, int n) {
        return all.subList(all.size() - n, all.size());
    }
}
