package org.factlint.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.factlint.Checker;
import org.factlint.Factlint;
import org.factlint.Flag;
import org.factlint.model.Document;
import org.factlint.property.Claims;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The same store on PostgreSQL: a real server (PostgreSQL 14 from a Maven artifact, no Docker) started once for the
 * class, one database per test.
 */
class PostgresStoreTest {
    static final Checker CHECKER = Factlint.checker();
    static EmbeddedPostgres server;
    static final AtomicInteger DATABASES = new AtomicInteger();

    @BeforeAll
    static void start() throws IOException {
        server = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    /** A fresh database's JDBC URL. */
    static String database() throws Exception {
        String name = "store" + DATABASES.incrementAndGet();
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return server.getJdbcUrl("postgres", name);
    }

    static ClaimStore open(String url) {
        return Stores.jdbc(url, "postgres", null, CHECKER);
    }

    static List<Flag> openFlags(ClaimStore store) {
        return store.flags(FlagQuery.open()).stream().map(StoredFlag::flag).sorted().toList();
    }

    @Test
    void aSurnameSharedByHundredsOfPeople_isStored() throws Exception {
        // the short form "Talev" keeps every entity key it can stand for: far past a thousand characters
        String seed = java.nio.file.Files.readString(Path.of("seeds/constructed-followup.claims.json"));
        StringBuilder people = new StringBuilder();
        String letters = "bdfgklmnprstv";
        for (int i = 0; i < 300; i++) {
            String given = Character.toUpperCase(letters.charAt(i % 13)) + "a" + letters.charAt(i / 13 % 13) + "o"
                    + letters.charAt(i / 169 % 13);
            people.append("{\"id\": \"talev").append(i).append("\", \"name\": \"").append(given)
                    .append(" Talev\"}, ");
        }
        String json = seed.replaceFirst("\"entities\"\\s*:\\s*\\[", "\"entities\": [" + people);
        org.factlint.Batch batch = org.factlint.io.DocumentReader.readJson("talev.claims.json",
                json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(batch.errors()).isEmpty();
        try (ClaimStore store = open(database())) {
            store.add(batch.documents().get(0));

            assertThat(store.documents()).isEqualTo(1);
            assertThat(openFlags(store)).containsExactlyElementsOf(CHECKER.at(java.time.Instant.now()).check(batch.documents()).flags());
        }
    }

    @Test
    void theFollowupRetractsWhatItConfirms_asOnSQLite() throws Exception {
        Document seed = Factlint.read(Path.of("seeds/moscow-times.claims.json")).documents().get(0);
        Document followup = Factlint.read(Path.of("seeds/constructed-followup.claims.json")).documents().get(0);
        try (ClaimStore store = open(database())) {
            store.add(seed);
            Change second = store.add(followup);

            assertThat(second.retracted()).extracting(e -> e.flag().code() + " " + e.flag().claims())
                    .contains("UNC-SINGLE-INTERESTED [mt:c1]");
            assertThat(openFlags(store)).containsExactlyElementsOf(CHECKER.at(java.time.Instant.now()).check(seed, followup).flags());
            assertThat(store.add(seed).outcome()).isEqualTo(Change.Outcome.UNCHANGED);
        }
    }

    @Test
    void addingOneAtATimeInAnyOrder_leavesTheFlagsOfOneBatchCheck() throws Exception {
        Random random = new Random(14);
        for (int i = 0; i < 6; i++) {
            List<Document> docs = Claims.documentSets("p" + i + "x").sample();
            List<Document> order = new ArrayList<>(docs);
            Collections.shuffle(order, random);
            try (ClaimStore store = open(database())) {
                order.forEach(store::add);

                assertThat(openFlags(store)).containsExactlyElementsOf(CHECKER.at(java.time.Instant.now()).check(docs).flags());
            }
        }
    }

    @Test
    void severalAddersAtOnce_giveTheResultOfAddingOneAtATime() throws Exception {
        String url = database();
        open(url).close();
        List<List<Document>> sets = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            sets.add(Claims.documentSets("c" + t + "x").sample());
        }
        ConcurrentAdds.run(sets, () -> open(url)); // a connection each, as separate processes would have
        List<Document> all = sets.stream().flatMap(List::stream).toList();
        try (ClaimStore store = open(url)) {
            assertThat(store.documents()).isEqualTo(all.size());
            assertThat(openFlags(store)).containsExactlyElementsOf(CHECKER.at(java.time.Instant.now()).check(all).flags());
        }
    }

    @Test
    void theClockAndAPackChange_asOnSQLite() throws Exception {
        TestClock clock = new TestClock("2023-05-10T09:00:00Z");
        try (ClaimStore store = Stores.jdbc(database(), "postgres", null, CHECKER, clock)) {
            store.add(StoreTimeTest.ANONYMOUS);
            clock.advance(java.time.Duration.ofHours(24));

            Recheck tick = store.recheck(CHECKER);

            assertThat(tick.raised()).extracting(e -> e.flag().code()).containsExactly("UNC-STILL-UNCONFIRMED");
            assertThat(openFlags(store))
                    .containsExactlyElementsOf(CHECKER.at(clock.instant()).check(StoreTimeTest.ANONYMOUS).flags());
            assertThat(store.flags(FlagQuery.open())).extracting(StoredFlag::packDigest)
                    .containsOnly(CHECKER.pack().digest());
            clock.advance(java.time.Duration.ofHours(12));
            assertThat(store.add(StoreTimeTest.CONFIRMATION).retracted()).hasSize(2);
            assertThat(openFlags(store)).isEmpty();
        }
    }

    @Test
    void aBulkLoadIntoAnEmptyStore_buildsItsIndexesAfterTheRows_asOnSQLite() throws Exception {
        List<Document> docs = new org.factlint.bench.ArchiveGenerator(42).archive(50 * (JdbcClaimStore.BULK_DOCUMENTS + 10));
        String empty = database();
        open(empty).close();
        String url = database();
        try (ClaimStore store = Stores.jdbc(url, "postgres", null, CHECKER, java.time.Clock.fixed(
                StoreInvariantTest.NOW, java.time.ZoneOffset.UTC))) {
            store.addAll(docs);

            assertThat(openFlags(store)).containsExactlyElementsOf(StoreInvariantTest.AT_NOW.check(docs).flags());
        }
        assertThat(BulkLoadIndexes.of(url, "postgres")).as("indexes after the bulk load")
                .isEqualTo(BulkLoadIndexes.of(empty, "postgres")).isNotEmpty();
    }
}
