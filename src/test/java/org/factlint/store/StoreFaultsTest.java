package org.factlint.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.factlint.Checker;
import org.factlint.Factlint;
import org.factlint.Flag;
import org.factlint.model.Document;
import org.factlint.property.Claims;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store that is not one, from the future, locked, killed mid-add, or written by several adders at once. */
class StoreFaultsTest {
    static final Checker CHECKER = Factlint.checker();

    @TempDir
    Path dir;

    static List<Flag> open(ClaimStore store) {
        return store.flags(FlagQuery.open()).stream().map(StoredFlag::flag).sorted().toList();
    }

    @Test
    void aFileThatIsNotAnSQLiteDatabase_isRefused_andLeftAlone() throws IOException {
        Path notes = dir.resolve("notes.txt");
        Files.writeString(notes, "these are my notes, not a store\n".repeat(200));
        byte[] before = Files.readAllBytes(notes);

        assertThatThrownBy(() -> Stores.sqlite(notes, CHECKER)).isInstanceOf(StoreException.class)
                .hasMessage(notes + ": is not a claim store (not an SQLite database)");
        assertThat(Files.readAllBytes(notes)).isEqualTo(before);
    }

    @Test
    void anSQLiteDatabaseOfSomethingElse_isRefused() throws SQLException {
        Path other = dir.resolve("crm.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + other); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)");
        }

        assertThatThrownBy(() -> Stores.sqlite(other, CHECKER)).isInstanceOf(StoreException.class)
                .hasMessage(other + ": is not a claim store (a database holding other tables)");
    }

    @Test
    void aStoreFromANewerSchemaVersion_isRefused() throws SQLException {
        Path file = dir.resolve("desk.store");
        Stores.sqlite(file, CHECKER).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            int future = Stores.SCHEMA_VERSION + 1;
            s.execute("INSERT INTO factlint_schema_history (installed_rank, version, description, type, script,"
                    + " checksum, installed_by, installed_on, execution_time, success) VALUES (100, '" + future
                    + "', 'from the future', 'SQL', 'V" + future + "__from_the_future.sql', 0, 'test',"
                    + " '2030-01-01 00:00:00', 1, 1)");
        }

        assertThatThrownBy(() -> Stores.sqlite(file, CHECKER)).isInstanceOf(StoreException.class)
                .hasMessage(file + ": the store has schema version " + (Stores.SCHEMA_VERSION + 1) + ", newer than this"
                        + " Factlint knows (" + Stores.SCHEMA_VERSION + "): open it with a newer Factlint");
    }

    @Test
    void aFullDisk_givesAClearError_andNothingIsWrittenHalf() throws Exception {
        Path file = dir.resolve("desk.store");
        List<Document> first = Claims.documentSets("first").sample();
        List<Document> archive = new ArrayList<>();
        for (int i = 0; archive.stream().mapToInt(d -> d.claims().size()).sum() < 300; i++) {
            archive.addAll(Claims.documentSets("archive" + i + "x").sample());
        }
        java.time.Instant now = java.time.Instant.parse("2023-05-10T09:00:00Z");
        Clock clock = Clock.fixed(now, java.time.ZoneOffset.UTC);
        List<Flag> before;
        long pages;
        try (ClaimStore store = Stores.sqlite(file, CHECKER, clock)) {
            store.addAll(first);
            before = open(store);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            s.execute("VACUUM"); // no free pages left over from migrations: the archive must grow the file
            try (var rs = s.executeQuery("PRAGMA page_count")) {
                rs.next();
                pages = rs.getLong(1);
            }
        }
        long bytes = Files.size(file);
        // The file may grow by two pages, as a disk with 8 KB left would allow: the archive needs far more.
        try (ClaimStore store = Stores.sqlite(file, CHECKER, clock, Stores.BUSY_TIMEOUT_MS, (int) pages + 2)) {
            assertThatThrownBy(() -> store.addAll(archive)).isInstanceOf(StoreException.class)
                    .hasMessage(file + ": the disk is full (cannot add " + archive.size() + " documents); nothing was"
                            + " written");
            // one article with 40 KB of text: a small one alone may fit in the two pages left
            Document one = archive.get(0);
            org.factlint.model.Article a = one.article();
            Document large = new Document(new org.factlint.model.Article(a.id(), a.outlet(), a.headline(),
                    a.published(), a.url(), "Words of the article. ".repeat(2_000), a.publishedAt()), one.sources(),
                    one.entities(), one.claims());
            assertThatThrownBy(() -> store.add(large)).isInstanceOf(StoreException.class)
                    .hasMessageStartingWith(file + ": the disk is full (cannot add article '");
            assertThat(store.documents()).isEqualTo(first.size());
            assertThat(open(store)).containsExactlyElementsOf(before);
        }
        try (ClaimStore store = Stores.sqlite(file, CHECKER, clock)) { // space again: the store is as it was
            assertThat(store.documents()).isEqualTo(first.size());
            assertThat(store.claims()).isEqualTo(first.stream().mapToInt(d -> d.claims().size()).sum());
            assertThat(open(store)).containsExactlyElementsOf(before)
                    .containsExactlyElementsOf(CHECKER.at(now).check(first).flags());
            store.addAll(archive);
            List<Document> all = new ArrayList<>(first);
            all.addAll(archive);
            assertThat(open(store)).containsExactlyElementsOf(CHECKER.at(now).check(all).flags());
        }
        assertThat(Files.size(file)).isGreaterThan(bytes);
    }

    @Test
    void aStoreLockedByAnotherWriter_givesAClearError_andNothingIsWritten() throws Exception {
        Path file = dir.resolve("desk.store");
        Document seed = Factlint.read(Path.of("seeds/moscow-times.claims.json")).documents().get(0);
        try (ClaimStore store = Stores.sqlite(file, CHECKER, Clock.systemUTC(), 200);
             Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = other.createStatement()) {
            s.execute("BEGIN IMMEDIATE"); // another process is writing

            assertThatThrownBy(() -> store.add(seed)).isInstanceOf(StoreException.class)
                    .hasMessage(file + ": is locked by another process (cannot add article 'mt'); nothing was written");

            s.execute("ROLLBACK");
            assertThat(store.documents()).isZero();
            assertThat(store.flags(FlagQuery.all())).isEmpty();
            store.add(seed); // and it works once the other writer is done
            assertThat(store.documents()).isEqualTo(1);
        }
    }

    @Test
    void severalAddersAtOnce_onOneFile_giveTheResultOfAddingOneAtATime() throws Exception {
        Path file = dir.resolve("desk.store");
        Stores.sqlite(file, CHECKER).close();
        List<List<Document>> sets = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            sets.add(Claims.documentSets("t" + t + "x").sample());
        }
        ConcurrentAdds.run(sets, () -> Stores.sqlite(file, CHECKER)); // the file's lock orders them
        List<Document> all = sets.stream().flatMap(List::stream).toList();
        try (ClaimStore store = Stores.sqlite(file, CHECKER)) {
            assertThat(store.documents()).isEqualTo(all.size());
            assertThat(open(store)).containsExactlyElementsOf(CHECKER.at(java.time.Instant.now()).check(all).flags());
        }
    }

    @Test
    void aProcessKilledDuringAdds_leavesAConsistentStore() throws Exception {
        Random random = new Random(14);
        Path file = dir.resolve("desk.store");
        for (int round = 0; round < 2; round++) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-Dorg.slf4j.simpleLogger.defaultLogLevel=error",
                    "-cp", System.getProperty("java.class.path"), AddLoop.class.getName(), file.toString(),
                    "k" + round + "r").redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null && !line.equals("added")) {
                // wait until the child has added its first documents
            }
            Thread.sleep(50 + random.nextInt(1000));
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback
            child.waitFor(30, TimeUnit.SECONDS);

            try (ClaimStore store = Stores.sqlite(file, CHECKER)) {
                List<Document> stored = store.all();
                assertThat(stored).as("round %d: the child added something before it died", round).isNotEmpty();
                assertThat(store.claims()).isEqualTo(stored.stream().mapToInt(d -> d.claims().size()).sum());
                assertThat(open(store)).containsExactlyElementsOf(CHECKER.at(java.time.Instant.now()).check(stored).flags());
            }
        }
    }
}
