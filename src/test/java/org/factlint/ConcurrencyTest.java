package org.factlint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.factlint.model.Document;
import org.factlint.property.Claims;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Many threads on one checker get exactly the sequential results, and no rules session outlives its check. The pack
 * is compiled from the bundled pack's source (rules/) so its live-session count is this class's alone.
 */
class ConcurrencyTest {
    static final int THREADS = 8;
    static final int CHECKS_PER_THREAD = 200;

    static RulePack pack;
    static Checker checker;
    static List<List<Document>> inputs;
    static List<Report> sequential;

    @BeforeAll
    static void prepare() throws IOException {
        pack = RulePack.load(Path.of("rules")); // the bundled pack's source: DRL and tables
        checker = Factlint.checker(pack);
        inputs = new ArrayList<>();
        Batch seeds = Factlint.read(Path.of("seeds/moscow-times.claims.json"),
                Path.of("seeds/constructed-followup.claims.json"), Path.of("seeds/constructed-archive.claims.json"));
        inputs.add(seeds.documents());
        inputs.add(seeds.documents().subList(0, 2));
        inputs.add(seeds.documents().subList(1, 3));
        Claims.documentSets().sampleStream().limit(37).forEach(inputs::add); // random: varied, and compared below
        sequential = inputs.stream().map(checker::check).toList();
    }

    static int liveSessions() {
        return pack.kieBase().getKieSessions().size();
    }

    @Test
    void givesEachOfManyConcurrentChecksExactlyItsSequentialResult() throws Exception {
        assertThat(sequential.get(0).flags()).as("the seeds raise flags").hasSizeGreaterThan(10);
        assertThat(sequential.stream().filter(r -> !r.flags().isEmpty()).count()).as("inputs with flags")
                .isGreaterThan(5);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger checks = new AtomicInteger();
        List<Future<List<String>>> results = new ArrayList<>();
        try {
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    start.await();
                    List<String> mismatches = new ArrayList<>();
                    for (int i = 0; i < CHECKS_PER_THREAD; i++) {
                        int k = (thread * 31 + i * 7) % inputs.size();
                        Report report = checker.check(inputs.get(k));
                        checks.incrementAndGet();
                        if (!report.equals(sequential.get(k))) {
                            mismatches.add("thread " + thread + " check " + i + " (input " + k + ")");
                        }
                    }
                    return mismatches;
                }));
            }
            start.countDown();
            List<String> mismatches = new ArrayList<>();
            for (Future<List<String>> f : results) {
                mismatches.addAll(f.get(5, TimeUnit.MINUTES)); // an exception in a check fails here
            }
            assertThat(mismatches).isEmpty();
            assertThat(checks.get()).isEqualTo(THREADS * CHECKS_PER_THREAD);
        } finally {
            pool.shutdownNow();
        }
        assertThat(liveSessions()).as("rules sessions left undisposed").isZero();
    }

    @Test
    void disposesTheSession_ofAStoppedOrFailedCheck() {
        RulePack bad = RulePack.of("bad", Map.of("bad.drl", RunawayRulesTest.BOOM));
        RulePack looping = RulePack.of("loop", Map.of("loop.drl", RunawayRulesTest.LOOP));
        Checker boom = Factlint.checker(bad);
        Checker loop = Factlint.checker(looping, CheckerOptions.defaults().withMaxFirings(100));

        for (int i = 0; i < 20; i++) {
            assertThat(boom.check(RunawayRulesTest.doc("a", "boom")).complete()).isFalse();
            assertThat(loop.check(RunawayRulesTest.doc("a", "loop")).complete()).isFalse();
        }

        assertThat(bad.kieBase().getKieSessions()).isEmpty();
        assertThat(looping.kieBase().getKieSessions()).isEmpty();
    }

    @Test
    void countsOpenDeskSessions_untilTheyAreClosed() {
        DeskSession a = checker.openDesk();
        DeskSession b = checker.openDesk();
        assertThat(liveSessions()).isEqualTo(2);
        a.close();
        b.close();
        b.close(); // closing twice is harmless
        assertThat(liveSessions()).isZero();
    }

    @Test
    void letsThreadsShareADeskSession_andEndsWithTheFlagsOfAddingEverythingInTurn() throws Exception {
        List<Document> docs = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            docs.addAll(Claims.documentSets("t" + t + "d").sample());
        }
        List<Flag> expected;
        try (DeskSession alone = checker.openDesk()) {
            docs.forEach(alone::add);
            expected = alone.flags();
        }
        assertThat(expected).isNotEmpty();

        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        try (DeskSession shared = checker.openDesk()) {
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                String prefix = "t" + t + "d";
                List<Document> mine = docs.stream().filter(d -> d.article().id().startsWith(prefix)).toList();
                Thread thread = new Thread(() -> {
                    try {
                        for (Document d : mine) {
                            List<Flag> now = shared.add(d);
                            shared.flags();
                            // Flags only ever name claims already in the session.
                            now.forEach(f -> assertThat(f.claims().get(0)).contains(":"));
                        }
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                });
                threads.add(thread);
                thread.start();
            }
            for (Thread thread : threads) {
                thread.join(TimeUnit.MINUTES.toMillis(2));
            }
            assertThat(failures).isEmpty();
            assertThat(shared.documents()).isEqualTo(docs.size());
            assertThat(shared.problems()).isEmpty();
            assertThat(shared.flags()).containsExactlyInAnyOrderElementsOf(expected);
        }
        assertThat(liveSessions()).isZero();
    }
}
