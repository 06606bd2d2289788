package org.factlint.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.factlint.Checker;
import org.factlint.Factlint;
import org.factlint.Flag;
import org.factlint.model.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store's checks run on its clock: a claim still unconfirmed escalates as the clock moves on (escalation.csv), a
 * forecast whose day has passed asks what happened, and both go when the news that settles them arrives.
 */
class StoreTimeTest {
    static final Checker CHECKER = Factlint.checker();

    @TempDir
    Path dir;

    static Document doc(String json) {
        List<Document> docs = Factlint.parse(json).documents();
        assertThat(docs).hasSize(1);
        return docs.get(0);
    }

    static final String PETROV = "{\"id\": \"minister\", \"name\": \"Ivan Petrov\", \"party\": \"Ruritania\"}";

    /** Published 08:00 on 10 May; only an unnamed source says it (UNC-ANONYMOUS, medium: 24 h). */
    static final Document ANONYMOUS = doc("""
            {"article": {"id": "a", "outlet": "wire-a", "headline": "Petrov resigns, source says",
                         "publishedAt": "2023-05-10T08:00:00Z"},
             "sources": [{"id": "wire-a", "name": "Wire A", "kind": "wire_agency"},
                         {"id": "insider", "name": "a source close to the ministry", "kind": "anonymous"}],
             "entities": [%s],
             "claims": [{"id": "c1", "text": "Ivan Petrov has resigned, a source close to the ministry said.",
                         "subject": "minister", "predicate": "resign",
                         "attribution": [{"source": "insider", "cue": "said"}]}]}
            """.formatted(PETROV));

    /** An independent wire states it as fact at 20:00 the next day. */
    static final Document CONFIRMATION = doc("""
            {"article": {"id": "b", "outlet": "wire-b", "headline": "Petrov resigns",
                         "publishedAt": "2023-05-11T20:00:00Z"},
             "sources": [{"id": "wire-b", "name": "Wire B", "kind": "wire_agency"}],
             "entities": [%s],
             "claims": [{"id": "c1", "text": "Ivan Petrov has resigned.", "subject": "minister",
                         "predicate": "resign"}]}
            """.formatted(PETROV));

    /** Two days on, another wire says he may have resigned: about the same event, so checked with it. */
    static final Document MAYBE = doc("""
            {"article": {"id": "m", "outlet": "wire-c", "headline": "Petrov may have resigned",
                         "publishedAt": "2023-05-12T08:00:00Z"},
             "sources": [{"id": "wire-c", "name": "Wire C", "kind": "wire_agency"}],
             "entities": [%s],
             "claims": [{"id": "c1", "text": "Ivan Petrov may have resigned.", "subject": "minister",
                         "predicate": "resign", "factuality": "probable"}]}
            """.formatted(PETROV));

    static final String SUMMIT = "{\"id\": \"summit\", \"name\": \"Riverside Summit\"}";

    static final Document FORECAST = doc("""
            {"article": {"id": "f", "outlet": "wire-a", "headline": "Petrov to attend summit",
                         "publishedAt": "2023-05-05T08:00:00Z"},
             "sources": [{"id": "wire-a", "name": "Wire A", "kind": "wire_agency"}],
             "entities": [%s, %s],
             "claims": [{"id": "c1", "text": "Ivan Petrov is expected to attend the summit on 9 May.",
                         "subject": "minister", "predicate": "attend", "object": "summit",
                         "when": {"from": "2023-05-09"},
                         "cues": [{"text": "is expected to", "category": "expectation"}]}]}
            """.formatted(PETROV, SUMMIT));

    static final Document OUTCOME = doc("""
            {"article": {"id": "g", "outlet": "wire-b", "headline": "Petrov attends summit",
                         "publishedAt": "2023-05-10T18:00:00Z"},
             "sources": [{"id": "wire-b", "name": "Wire B", "kind": "wire_agency"}],
             "entities": [%s, %s],
             "claims": [{"id": "c1", "text": "Ivan Petrov attended the summit on 9 May.", "subject": "minister",
                         "predicate": "attend", "object": "summit", "when": {"from": "2023-05-09"}}]}
            """.formatted(PETROV, SUMMIT));

    static List<String> codes(List<FlagEvent> events) {
        return events.stream().map(e -> e.flag().code() + " " + e.flag().claims()).sorted().toList();
    }

    static List<Flag> open(ClaimStore store) {
        return store.flags(FlagQuery.open()).stream().map(StoredFlag::flag).sorted().toList();
    }

    @Test
    void anUnconfirmedClaimEscalatesAsTheClockMovesOn_andBothFlagsGoWhenConfirmationArrives() {
        TestClock clock = new TestClock("2023-05-10T09:00:00Z");
        try (ClaimStore store = Stores.sqlite(dir.resolve("desk.store"), CHECKER, clock)) {
            Change first = store.add(ANONYMOUS);
            assertThat(codes(first.raised())).containsExactly("UNC-ANONYMOUS [a:c1]");

            clock.advance(Duration.ofHours(22)); // 2023-05-11T07:00: 23 h after publication
            assertThat(store.recheck(CHECKER).raised()).isEmpty();

            clock.advance(Duration.ofHours(2)); // 2023-05-11T09:00: 25 h
            Recheck tick = store.recheck(CHECKER);
            assertThat(codes(tick.raised())).containsExactly("UNC-STILL-UNCONFIRMED [a:c1]");
            assertThat(tick.retracted()).isEmpty();
            assertThat(tick.raised()).allSatisfy(e -> {
                assertThat(e.at()).isEqualTo(Instant.parse("2023-05-11T09:00:00Z"));
                assertThat(e.causedBy()).isEqualTo("clock 2023-05-11T09:00:00Z");
                assertThat(e.flag().message()).contains("is still unconfirmed 24 h after it was published");
            });
            assertThat(open(store)).containsExactlyElementsOf(CHECKER.at(clock.instant()).check(ANONYMOUS).flags());

            clock.advance(Duration.ofHours(12)); // the independent wire comes in at 21:00
            Change confirmed = store.add(CONFIRMATION);
            assertThat(codes(confirmed.retracted()))
                    .containsExactly("UNC-ANONYMOUS [a:c1]", "UNC-STILL-UNCONFIRMED [a:c1]");
            assertThat(confirmed.retracted()).allSatisfy(e -> assertThat(e.causedBy()).isEqualTo("b"));
            assertThat(open(store)).isEmpty();
            assertThat(CHECKER.at(clock.instant()).check(ANONYMOUS, CONFIRMATION).flags()).isEmpty();
        }
    }

    @Test
    void olderThan_countsOnTheStoresClock() {
        TestClock clock = new TestClock("2023-05-10T09:00:00Z");
        try (ClaimStore store = Stores.sqlite(dir.resolve("desk.store"), CHECKER, clock)) {
            store.add(ANONYMOUS);
            clock.advance(Duration.ofHours(24));
            store.recheck(CHECKER); // escalates, raised now
            clock.advance(Duration.ofHours(1));

            assertThat(store.flags(FlagQuery.open().olderThan(Duration.ofHours(24))))
                    .extracting(f -> f.flag().code()).containsExactly("UNC-ANONYMOUS");
            assertThat(store.flags(FlagQuery.open().olderThan(Duration.ofMinutes(30))))
                    .extracting(f -> f.flag().code()).containsExactly("UNC-ANONYMOUS", "UNC-STILL-UNCONFIRMED");
            assertThat(store.flags(FlagQuery.open().olderThan(Duration.ofHours(2)))).hasSize(1);
        }
    }

    @Test
    void anAddOnALaterClock_escalatesTheStoredClaimsItMeets() {
        TestClock clock = new TestClock("2023-05-10T09:00:00Z");
        try (ClaimStore store = Stores.sqlite(dir.resolve("desk.store"), CHECKER, clock)) {
            store.add(ANONYMOUS);
            clock.advance(Duration.ofDays(2));
            Change c = store.add(MAYBE); // the same event: checked with the stored claim, on today's clock

            assertThat(codes(c.raised())).contains("UNC-STILL-UNCONFIRMED [a:c1]");
            assertThat(c.raised()).allSatisfy(e -> assertThat(e.causedBy()).isEqualTo("m"));
            assertThat(open(store))
                    .containsExactlyElementsOf(CHECKER.at(clock.instant()).check(ANONYMOUS, MAYBE).flags());
        }
    }

    @Test
    void aForecastWhoseDayHasPassed_asksWhatHappened_untilAReportSaysIt() {
        TestClock clock = new TestClock("2023-05-05T09:00:00Z");
        try (ClaimStore store = Stores.sqlite(dir.resolve("desk.store"), CHECKER, clock)) {
            assertThat(codes(store.add(FORECAST).raised())).containsExactly("UNC-FORECAST [f:c1]");

            clock.advance(Duration.ofDays(4)); // 9 May, 09:00: the day is not over
            assertThat(store.recheck(CHECKER).raised()).isEmpty();
            clock.advance(Duration.ofHours(15)); // 10 May, 00:00
            assertThat(codes(store.recheck(CHECKER).raised())).containsExactly("UNC-FORECAST-PASSED [f:c1]");
            assertThat(store.flags(FlagQuery.open().code("UNC-FORECAST-PASSED"))).singleElement()
                    .satisfies(f -> assertThat(f.flag().message()).contains("was a forecast for 2023-05-09"));

            clock.advance(Duration.ofHours(19));
            Change report = store.add(OUTCOME);
            assertThat(codes(report.retracted())).containsExactly("UNC-FORECAST-PASSED [f:c1]");
            assertThat(open(store))
                    .containsExactlyElementsOf(CHECKER.at(clock.instant()).check(FORECAST, OUTCOME).flags());
        }
    }
}
