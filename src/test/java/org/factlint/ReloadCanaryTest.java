package org.factlint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reload never serves a broken pack: the canary runs the new pack's own scenarios with their expectations, refuses
 * a pack with no rules, survives an Error, and close() stops it.
 */
class ReloadCanaryTest {
    private static final Duration NEVER = Duration.ofHours(1);

    @TempDir
    Path dir;

    @BeforeEach
    void writePack() throws IOException {
        Files.writeString(dir.resolve("r.drl"), ReloadingCheckerTest.rule("X-ONE"));
        Files.createDirectories(dir.resolve("tests"));
    }

    private void scenario(String expectedCode) throws IOException {
        Files.writeString(dir.resolve("tests/every.json"), """
                { "name": "every claim is flagged", "given": [ %s ],
                  "expect": { "flags": [ { "code": "%s", "claims": [ "a:c1" ] } ] } }
                """.formatted(DOC_JSON, expectedCode));
    }

    private static final String DOC_JSON = """
            { "article": { "id": "a", "outlet": "w", "headline": "h", "published": "2023-05-10" },
              "sources": [ { "id": "w", "name": "Wire", "kind": "wire_agency" } ],
              "entities": [ { "id": "m", "name": "Ivan Petrov" } ],
              "claims": [ { "id": "c1", "text": "Ivan Petrov resigned.", "subject": "m", "predicate": "resign" } ] }
            """;
    private static final org.factlint.model.Document DOC = Factlint.parse(DOC_JSON).documents().get(0);

    @Test
    void theReadmeExample_watchesTheBundledRules_whoseScenariosGiveFilePaths() throws IOException {
        try (ReloadingChecker checker = ReloadingChecker.watch(Path.of("rules"))) {
            Report report = checker.check(Factlint.read(Path.of("seeds/moscow-times.claims.json")));
            assertThat(report.problems()).isEmpty();
            assertThat(report.flags()).isNotEmpty();
            assertThat(checker.lastError()).isEmpty();
        }
    }

    @Test
    void refusesANewPack_whoseOwnScenariosFail() throws IOException {
        scenario("X-ONE");
        try (ReloadingChecker checker = ReloadingChecker.watch(dir, Trust.CHECKED, NEVER)) {
            Files.writeString(dir.resolve("r.drl"), ReloadingCheckerTest.rule("X-TWO")); // the scenario still wants X-ONE

            assertThat(checker.reloadIfChanged()).isFalse();

            assertThat(checker.lastError()).get().extracting(Throwable::getMessage).asString()
                    .startsWith("the new rule pack fails its own scenario 'every claim is flagged' (tests/every.json)");
            assertThat(ReloadingCheckerTest.codes(checker.check(List.of(DOC)))).containsExactly("X-ONE");

            scenario("X-TWO"); // the scenario follows the edit: now it passes
            Files.writeString(dir.resolve("r.drl"), ReloadingCheckerTest.rule("X-TWO") + "\n");
            assertThat(checker.reloadIfChanged()).isTrue();
            assertThat(ReloadingCheckerTest.codes(checker.check(List.of(DOC)))).containsExactly("X-TWO");
        }
    }

    @Test
    void refusesToStart_onAPackWithNoRules() throws IOException {
        Files.delete(dir.resolve("r.drl"));
        assertThatThrownBy(() -> ReloadingChecker.watch(dir, Trust.CHECKED, NEVER)).hasMessageContaining("no rules");
    }

    @Test
    void neverSwapsInAnEmptyDirectory() throws IOException {
        try (ReloadingChecker checker = ReloadingChecker.watch(dir, Trust.CHECKED, NEVER)) {
            Files.delete(dir.resolve("r.drl"));

            assertThat(checker.reloadIfChanged()).isFalse();

            assertThat(checker.lastError()).get().extracting(Throwable::getMessage).asString().contains("no rules");
            assertThat(ReloadingCheckerTest.codes(checker.check(List.of(DOC)))).containsExactly("X-ONE");
        }
    }

    @Test
    void survivesAnErrorWhileLoading_andReloadsOnTheNextEdit() throws IOException {
        AtomicBoolean fail = new AtomicBoolean(false);
        ReloadingChecker.Loader loader = d -> {
            if (fail.getAndSet(false)) {
                throw new StackOverflowError();
            }
            return RulePack.load(d);
        };
        try (ReloadingChecker checker = ReloadingChecker.watch(dir, loader, NEVER)) {
            fail.set(true);
            Files.writeString(dir.resolve("r.drl"), ReloadingCheckerTest.rule("X-TWO"));
            assertThat(checker.reloadIfChanged()).isFalse();
            assertThat(checker.lastError()).get().extracting(Throwable::getMessage)
                    .isEqualTo("the new rule pack could not be loaded: StackOverflowError");

            Files.writeString(dir.resolve("r.drl"), ReloadingCheckerTest.rule("X-THREE"));
            assertThat(checker.reloadIfChanged()).isTrue();
            assertThat(ReloadingCheckerTest.codes(checker.check(List.of(DOC)))).containsExactly("X-THREE");
        }
    }

    @Test
    void closeStopsARunningCanary() throws Exception {
        Files.writeString(dir.resolve("tests/smoke.json"), """
                { "name": "smoke", "given": [ %s ], "expect": { "mustInclude": [] } }
                """.formatted(DOC_JSON));
        ReloadingChecker checker = ReloadingChecker.watch(dir, Trust.TRUSTED, NEVER);
        // The new pack sleeps in every consequence: its canary would take the whole canary time limit.
        Files.writeString(dir.resolve("r.drl"), ReloadingCheckerTest.rule("X-TWO")
                .replace("insertLogical(", "Thread.sleep( 60_000 );\n    insertLogical("));
        AtomicReference<Boolean> swapped = new AtomicReference<>();
        Thread reload = new Thread(() -> swapped.set(checker.reloadIfChanged()));
        reload.start();
        Thread canary = awaitSleepingCanary();

        long start = System.nanoTime();
        checker.close();
        canary.join(5_000);
        reload.join(5_000);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(canary.isAlive()).as("the canary thread").isFalse();
        assertThat(swapped.get()).isFalse();
        assertThat(ReloadingCheckerTest.codes(checker.check(List.of(DOC)))).containsExactly("X-ONE");
    }

    private static Thread awaitSleepingCanary() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (t.getName().startsWith("factlint-canary") && t.getState() == Thread.State.TIMED_WAITING) {
                    return t;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the canary never started");
    }
}
