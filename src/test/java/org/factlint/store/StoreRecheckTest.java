package org.factlint.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.factlint.Checker;
import org.factlint.Factlint;
import org.factlint.Flag;
import org.factlint.TestFiles;
import org.factlint.model.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pack change: the store notes which pack (by digest) checked each flag, and a re-check with a new pack records
 * exactly the difference between the flags of the two packs; later adds check with the new one.
 */
class StoreRecheckTest {
    static final Checker BUNDLED = Factlint.checker();
    /** The bundled pack with one change: low-severity flags escalate after 6 hours. */
    static Checker edited;

    @TempDir
    static Path packs;

    @TempDir
    Path dir;

    @BeforeAll
    static void editPack() throws IOException {
        Path copy = packs.resolve("rules-v2");
        TestFiles.copyTree(Path.of("rules"), copy);
        Files.writeString(copy.resolve("escalation.csv"), "code,severity,hours\n,high,12\n,medium,24\n,low,6\n");
        edited = Factlint.checker(copy);
    }

    static List<Flag> open(ClaimStore store) {
        return store.flags(FlagQuery.open()).stream().map(StoredFlag::flag).sorted().toList();
    }

    @Test
    void aRecheckWithANewPack_recordsWhatChanged_andNotesThePackOfEveryFlag() throws IOException {
        Document hedged = StoreTimeTest.doc(Files.readString(Path.of("seeds/moscow-times.claims.json")));
        TestClock clock = new TestClock("2023-05-09T09:00:00Z"); // 9 h after the end of the seed's published day
        try (ClaimStore store = Stores.sqlite(dir.resolve("desk.store"), BUNDLED, clock)) {
            store.add(hedged);
            List<Flag> before = open(store);
            assertThat(before).containsExactlyElementsOf(BUNDLED.at(clock.instant()).check(hedged).flags());
            assertThat(store.flags(FlagQuery.open())).allSatisfy(f -> {
                assertThat(f.pack()).isEqualTo("bundled");
                assertThat(f.packDigest()).isEqualTo(BUNDLED.pack().digest());
            });

            Recheck r = store.recheck(edited);

            List<Flag> after = edited.at(clock.instant()).check(hedged).flags();
            assertThat(edited.pack().digest()).isNotEqualTo(BUNDLED.pack().digest());
            assertThat(r.digest()).isEqualTo(edited.pack().digest());
            assertThat(r.documents()).isEqualTo(1);
            assertThat(r.raised()).extracting(FlagEvent::flag)
                    .containsExactlyElementsOf(after.stream().filter(f -> !before.contains(f)).sorted().toList());
            assertThat(r.raised()).isNotEmpty().allSatisfy(e -> {
                assertThat(e.flag().code()).isEqualTo("UNC-STILL-UNCONFIRMED");
                assertThat(e.causedBy()).startsWith("pack " + edited.pack().name() + " ");
            });
            assertThat(r.retracted()).extracting(FlagEvent::flag)
                    .containsExactlyElementsOf(before.stream().filter(f -> !after.contains(f)).sorted().toList());
            assertThat(open(store)).containsExactlyElementsOf(after);
            assertThat(store.flags(FlagQuery.open()))
                    .allSatisfy(f -> assertThat(f.packDigest()).isEqualTo(edited.pack().digest()));

            Recheck again = store.recheck(edited);
            assertThat(again.raised()).isEmpty();
            assertThat(again.retracted()).isEmpty();

            clock.advance(Duration.ofHours(1)); // later adds check with the new pack
            Document followup = StoreTimeTest.doc(Files.readString(Path.of("seeds/constructed-followup.claims.json")));
            store.add(followup);
            assertThat(open(store)).containsExactlyElementsOf(edited.at(clock.instant()).check(hedged, followup).flags());
        }
    }

    @Test
    void aStoreReopenedAfterARecheck_keepsItsFlagsAndTheirPack() {
        Path file = dir.resolve("desk.store");
        TestClock clock = new TestClock("2023-05-12T09:00:00Z");
        List<Flag> after;
        try (ClaimStore store = Stores.sqlite(file, BUNDLED, clock)) {
            store.add(StoreTimeTest.ANONYMOUS);
            store.recheck(edited);
            after = open(store);
        }
        try (ClaimStore store = Stores.sqlite(file, edited, clock)) {
            assertThat(open(store)).containsExactlyElementsOf(after)
                    .containsExactlyElementsOf(edited.at(Instant.parse("2023-05-12T09:00:00Z"))
                            .check(StoreTimeTest.ANONYMOUS).flags());
            assertThat(store.flags(FlagQuery.open())).extracting(StoredFlag::packDigest)
                    .containsOnly(edited.pack().digest());
        }
    }
}
