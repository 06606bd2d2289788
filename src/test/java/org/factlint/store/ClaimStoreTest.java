package org.factlint.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.factlint.Checker;
import org.factlint.Factlint;
import org.factlint.Flag;
import org.factlint.Severity;
import org.factlint.model.Article;
import org.factlint.model.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite claim store: what an add changes, flags that follow the evidence, and a store that survives its process. */
class ClaimStoreTest {
    static final Checker CHECKER = Factlint.checker();
    static Document seed;
    static Document followup;
    static Document archive;

    @TempDir
    Path dir;

    @BeforeAll
    static void read() throws IOException {
        seed = one("seeds/moscow-times.claims.json");
        followup = one("seeds/constructed-followup.claims.json");
        archive = one("seeds/constructed-archive.claims.json");
    }

    static Document one(String file) throws IOException {
        return Factlint.read(Path.of(file)).documents().get(0);
    }

    static List<Flag> open(ClaimStore store) {
        return store.flags(FlagQuery.open()).stream().map(StoredFlag::flag).sorted().toList();
    }

    @Test
    void theSeedRaisesItsFlags_andTheFollowupRetractsThoseItConfirms() {
        TestClock clock = new TestClock("2023-05-08T09:00:00Z");
        try (ClaimStore store = Stores.sqlite(dir.resolve("desk.store"), CHECKER, clock)) {
            Change first = store.add(seed);
            clock.advance(Duration.ofHours(26));
            Change second = store.add(followup);

            assertThat(first.outcome()).isEqualTo(Change.Outcome.ADDED);
            assertThat(first.raised()).extracting(FlagEvent::flag)
                    .containsExactlyElementsOf(CHECKER.at(Instant.parse("2023-05-08T09:00:00Z")).check(seed).flags());
            assertThat(first.raised()).allSatisfy(e -> {
                assertThat(e.at()).isEqualTo(Instant.parse("2023-05-08T09:00:00Z"));
                assertThat(e.causedBy()).isEqualTo("mt");
            });
            assertThat(second.retracted()).extracting(e -> e.flag().code() + " " + e.flag().claims())
                    .contains("UNC-SINGLE-INTERESTED [mt:c1]");
            assertThat(second.retracted()).allSatisfy(e -> assertThat(e.causedBy()).isEqualTo("followup"));
            assertThat(open(store)).containsExactlyElementsOf(CHECKER.at(clock.instant()).check(seed, followup).flags());
            assertThat(store.documents()).isEqualTo(2);
            assertThat(store.claims()).isEqualTo(seed.claims().size() + followup.claims().size());

            StoredFlag gone = store.flags(FlagQuery.all().code("UNC-SINGLE-INTERESTED")).stream()
                    .filter(f -> f.flag().claims().equals(List.of("mt:c1"))).findFirst().orElseThrow();
            assertThat(gone.open()).isFalse();
            assertThat(gone.raisedBy()).isEqualTo("mt");
            assertThat(gone.retractedBy()).isEqualTo("followup");
            assertThat(gone.retractedAt()).isEqualTo(Instant.parse("2023-05-09T11:00:00Z"));
            assertThat(gone.pack()).isEqualTo("bundled");
        }
    }

    @Test
    void addingTheSameDocumentAgain_changesNothing() {
        try (ClaimStore store = Stores.sqlite(dir.resolve("desk.store"), CHECKER)) {
            store.add(seed);
            List<StoredFlag> before = store.flags(FlagQuery.all());

            Change again = store.add(seed);

            assertThat(again.outcome()).isEqualTo(Change.Outcome.UNCHANGED);
            assertThat(again.raised()).isEmpty();
            assertThat(again.retracted()).isEmpty();
            assertThat(store.flags(FlagQuery.all())).isEqualTo(before);
            assertThat(store.documents()).isEqualTo(1);
        }
    }

    @Test
    void aCorrectedVersion_replacesTheEarlier_andTheFlagsFollow() {
        // the correction drops the follow-up's confirmation: the flag it retracted comes back
        Document corrected = new Document(followup.article(), followup.sources(), followup.entities(),
                followup.claims().subList(1, followup.claims().size()));
        try (ClaimStore store = Stores.sqlite(dir.resolve("desk.store"), CHECKER)) {
            store.add(seed);
            store.add(followup);

            Change change = store.add(corrected);

            assertThat(change.outcome()).isEqualTo(Change.Outcome.REPLACED);
            assertThat(open(store)).containsExactlyElementsOf(CHECKER.at(Instant.now()).check(seed, corrected).flags());
            assertThat(change.raised()).isNotEmpty();
            assertThat(store.documents()).isEqualTo(2);
            assertThat(store.claims()).isEqualTo(seed.claims().size() + corrected.claims().size());
        }
    }

    @Test
    void theStoreOutlivesItsProcess() {
        Path file = dir.resolve("desk.store");
        try (ClaimStore store = Stores.sqlite(file, CHECKER)) {
            store.add(seed);
            store.add(archive);
        }
        try (ClaimStore store = Stores.sqlite(file, CHECKER)) {
            Change third = store.add(followup);

            assertThat(third.checked()).isGreaterThan(1); // it met what the earlier process stored
            assertThat(open(store)).containsExactlyElementsOf(CHECKER.at(Instant.now()).check(seed, archive, followup).flags());
        }
    }

    @Test
    void aNewArticle_isCheckedOnlyWithTheStoredArticlesItMeets() {
        Document elsewhere = DocOf.unrelated("weather");
        try (ClaimStore store = Stores.sqlite(dir.resolve("desk.store"), CHECKER)) {
            store.add(seed);
            store.add(followup);

            Change change = store.add(elsewhere);

            assertThat(change.checked()).isEqualTo(1);
            assertThat(open(store)).containsExactlyElementsOf(CHECKER.at(Instant.now()).check(seed, followup, elsewhere).flags());
        }
    }

    @Test
    void flagsAreListedByCodeSeveritySourceAndAge() {
        TestClock clock = new TestClock("2023-05-08T09:00:00Z");
        try (ClaimStore store = Stores.sqlite(dir.resolve("desk.store"), CHECKER, clock)) {
            store.add(seed);
            clock.advance(Duration.ofHours(30));
            store.add(archive);

            List<StoredFlag> old = store.flags(FlagQuery.open().olderThan(Duration.ofHours(24)));
            assertThat(old).isNotEmpty().allSatisfy(f -> assertThat(f.raisedBy()).isEqualTo("mt"));
            assertThat(store.flags(FlagQuery.open().olderThan(Duration.ofHours(31)))).isEmpty();
            assertThat(store.flags(FlagQuery.open().atLeast(Severity.HIGH))).isNotEmpty()
                    .allSatisfy(f -> assertThat(f.flag().severity()).isEqualTo(Severity.HIGH));
            assertThat(store.flags(FlagQuery.open().code("UNC-FORECAST"))).extracting(f -> f.flag().code())
                    .containsOnly("UNC-FORECAST").isNotEmpty();
            assertThat(store.flags(FlagQuery.open().source("tdh"))).isNotEmpty()
                    .allSatisfy(f -> assertThat(f.flag().sources()).contains("tdh"));
            assertThat(store.flags(FlagQuery.open().source("td"))).isEmpty();
        }
    }

    @Test
    void aDocumentThatConflictsWithAStoredOne_isRejected_andNotStored() {
        Document other = new Document(new Article("mt2", seed.article().outlet(), "h", seed.article().published(),
                null, null), seed.sources().stream().map(s -> s.id().equals("tdh")
                ? new org.factlint.model.Source("tdh", s.name(), org.factlint.model.SourceKind.INDEPENDENT_MEDIA, null)
                : s).toList(), seed.entities(), seed.claims());
        try (ClaimStore store = Stores.sqlite(dir.resolve("desk.store"), CHECKER)) {
            store.add(seed);
            List<StoredFlag> before = store.flags(FlagQuery.all());

            assertThatThrownBy(() -> store.add(other)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("article 'mt2' is rejected")
                    .hasMessageContaining("source 'tdh' is declared as independent_media");
            assertThat(store.documents()).isEqualTo(1);
            assertThat(store.flags(FlagQuery.all())).isEqualTo(before);
        }
    }

    /** Small documents for store tests. */
    static final class DocOf {
        static Document unrelated(String id) {
            return new Document(new Article(id, "wire", "Rain", java.time.LocalDate.of(2023, 5, 9), null, null),
                    List.of(new org.factlint.model.Source("wire", "Example Wire",
                            org.factlint.model.SourceKind.WIRE_AGENCY, null)),
                    List.of(new org.factlint.model.Entity("rain", "Rain")),
                    List.of(org.factlint.model.Claim.builder("c1", "rain", "fall").text("It reportedly rained.")
                            .cue(org.factlint.model.CueCategory.HEDGE, "reportedly").build()));
        }
    }

    static List<Document> shuffled(List<Document> docs, long seed) {
        List<Document> out = new ArrayList<>(docs);
        java.util.Collections.shuffle(out, new java.util.Random(seed));
        return out;
    }

    @Test
    void aBulkLoadIntoAnEmptyStore_buildsItsIndexesAfterTheRows_andLeavesTheFlagsOfOneBatchCheck() throws Exception {
        List<Document> docs = new org.factlint.bench.ArchiveGenerator(42).archive(50 * (JdbcClaimStore.BULK_DOCUMENTS + 10));
        Path empty = dir.resolve("empty.store");
        Stores.sqlite(empty, CHECKER).close();
        Path file = dir.resolve("bulk.store");
        try (ClaimStore store = Stores.sqlite(file, CHECKER, java.time.Clock.fixed(StoreInvariantTest.NOW,
                java.time.ZoneOffset.UTC))) {
            store.addAll(docs);

            assertThat(docs).hasSizeGreaterThanOrEqualTo(JdbcClaimStore.BULK_DOCUMENTS);
            assertThat(open(store)).containsExactlyElementsOf(StoreInvariantTest.AT_NOW.check(docs).flags());
        }
        assertThat(BulkLoadIndexes.of("jdbc:sqlite:" + file, null)).as("indexes after the bulk load")
                .isEqualTo(BulkLoadIndexes.of("jdbc:sqlite:" + empty, null)).isNotEmpty();
    }
}
