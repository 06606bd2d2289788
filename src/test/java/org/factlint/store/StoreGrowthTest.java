package org.factlint.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.factlint.Checker;
import org.factlint.Flag;
import org.factlint.bench.ArchiveGenerator;
import org.factlint.model.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The work of an add grows with what the new article reaches, not with the store: one 50-claim article added to a
 * store of a generated archive ten times larger re-checks fewer than twice the claims (the scopes of scopes.csv,
 * and retractions.csv: a stored flag an add can only retract is re-checked with its support, not its whole scope). And the store, bulk-loaded and then added to one article at a time, holds exactly the flags of one batch
 * check of everything: the store's invariant on archives of 1,000 and 10,000 claims.
 */
class StoreGrowthTest {
    private static final Checker CHECKER = StoreInvariantTest.CHECKER;
    private static final int HELD_BACK = 9;

    @TempDir
    Path dir;

    /** Medians over the held-back articles' adds: claims re-checked, stored flags read back to record. */
    private record Work(int claims, int readBack, double scopeRowsPerFlag) {
    }

    /** Scope rows the store keeps per open flag: what every add that reaches a flag reads, compares and rewrites. */
    private static double scopeRowsPerFlag(Path file) {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
             java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT (SELECT count(*) FROM flag_scope),"
                     + " (SELECT count(*) FROM flags WHERE retracted_at IS NULL)")) {
            rs.next();
            return (double) rs.getLong(1) / rs.getLong(2);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The median work of each held-back article's add, in a store of {@code claims} claims. */
    private Work medianWork(ArchiveGenerator generator, int claims, boolean compareWithBatch) throws IOException {
        List<Document> all = generator.archive(claims + 50 * HELD_BACK);
        List<Document> archive = all.subList(0, all.size() - HELD_BACK);
        List<Document> held = all.subList(all.size() - HELD_BACK, all.size());
        Path file = dir.resolve(claims + ".store");
        List<Integer> checked = new ArrayList<>();
        List<Integer> readBack = new ArrayList<>();
        try (ClaimStore store = Stores.sqlite(file, CHECKER, Clock.fixed(StoreInvariantTest.NOW, ZoneOffset.UTC))) {
            store.addAll(archive);
            for (Document d : held) {
                store.add(d);
                checked.add(((JdbcClaimStore) store).lastChecked());
                readBack.add(((JdbcClaimStore) store).lastReadBack());
            }
            if (compareWithBatch) {
                List<Flag> open = store.flags(FlagQuery.open()).stream().map(StoredFlag::flag).sorted().toList();
                List<Flag> batch = StoreInvariantTest.AT_NOW.check(all).flags();
                List<Flag> missing = new ArrayList<>(batch);
                missing.removeAll(open);
                List<Flag> extra = new ArrayList<>(open);
                extra.removeAll(batch);
                assertThat(extra).as("flags the batch check does not give (of %d; %d missing: %s)", open.size(),
                        missing.size(), missing.stream().limit(5).toList()).isEmpty();
                assertThat(missing).as("flags of the batch check missing").isEmpty();
            }
        }
        double rows = scopeRowsPerFlag(file);
        Files.deleteIfExists(file);
        checked.sort(null);
        readBack.sort(null);
        return new Work(checked.get(checked.size() / 2), readBack.get(readBack.size() / 2), rows);
    }

    @Test
    void anAddToAStoreTenTimesLarger_reChecksAndReadsBackFewerThanTwiceAsMuch_keepsFewScopeRowsPerFlag_andTheBatchFlags() throws IOException {
        Work smallWork = medianWork(new ArchiveGenerator(42), 1_000, true);
        Work largeWork = medianWork(new ArchiveGenerator(42), 10_000, true);
        int small = smallWork.claims();
        int large = largeWork.claims();
        assertThat(small).as("an add re-checks at least its own 50 claims").isGreaterThanOrEqualTo(50);
        // Measured: 129 at 1k, 227 at 10k (1.76x). Before retractions.csv: 184 -> 921 (5.0x), each stored unconfirmed
        // flag the add reached had its whole scope loaded, and so on outwards. What still grows: the new claims' own
        // groups (an undated claim meets every claim of its subject and object) grow with the archive.
        assertThat((double) large / small).as("claims re-checked at 10k (%d) against 1k (%d)", large, small)
                .isLessThan(2.0);
        // Recording reads back only the stored flags the add changes: measured 10 at 1k, 8 at 10k. Before, every
        // stored flag whose whole scope was loaded was read back and compared: 15 at 1k, 39 at 10k (2.6x), and at
        // 1M most of an add (the record phase, median 5.4 s).
        assertThat((double) largeWork.readBack() / smallWork.readBack())
                .as("stored flags read back to record at 10k (%d) against 1k (%d)", largeWork.readBack(),
                        smallWork.readBack())
                .isLessThan(2.0);
        // The scope rows kept per open flag (what an add that reaches a flag reads and rewrites): measured 4.66 at 1k,
        // 5.70 at 10k (1.22x). With an escalation's scope written as the union of every code it escalates (before
        // scopes.csv's @evidence), 6.05 and 12.05 (1.99x): at 1M 396 rows per escalation, 90% of the store's rows.
        assertThat(largeWork.scopeRowsPerFlag() / smallWork.scopeRowsPerFlag())
                .as("scope rows per open flag at 10k (%.2f) against 1k (%.2f)", largeWork.scopeRowsPerFlag(),
                        smallWork.scopeRowsPerFlag())
                .isLessThan(1.5);
    }
}
