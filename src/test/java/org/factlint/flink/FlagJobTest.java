package org.factlint.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.factlint.Checker;
import org.factlint.Factlint;
import org.factlint.Flag;
import org.factlint.bench.ArchiveGenerator;
import org.factlint.model.Document;
import org.factlint.testing.Scenario;
import org.factlint.testing.ScenarioFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Flink job on a local MiniCluster (started once for the class): the same flags as one single-machine check, on
 * every scenario of the bundled pack and on a generated archive; and nothing lost or doubled when a task fails
 * mid-stream.
 */
class FlagJobTest {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2)
                    .build());

    private static Checker checker;

    @TempDir
    Path work;

    @BeforeAll
    static void pack() {
        // The reference check runs in the test's JVM beside the cluster: on a loaded machine its parts must not stop
        // at the default time limit (30 s + 1 ms a claim), or the reference, not the job, would be short of flags.
        checker = Factlint.checker(org.factlint.RulePack.bundled(),
                org.factlint.CheckerOptions.defaults().withTimePerClaim(java.time.Duration.ofMillis(20)));
    }

    /** The single-machine check's flags, asserting that it ran to its end. */
    private static List<Flag> reference(List<Document> docs) {
        org.factlint.Report r = checker.check(docs);
        assertThat(r.problems()).as("the reference check's problems").isEmpty();
        return r.flags();
    }

    @Test
    void everyScenario_flagsWhatOneCheckFlags() throws Exception {
        int scenarios = 0;
        int flags = 0;
        for (Path file : ScenarioFiles.in(Path.of("rules"))) {
            for (Scenario s : ScenarioFiles.read(file)) {
                List<Document> docs = new ArrayList<>();
                for (Scenario.Given g : s.given()) {
                    if (g.document() != null) {
                        docs.add(g.document());
                    } else { // a document file beside the scenario file, read as the scenario runner reads it
                        docs.addAll(Factlint.read(file.getParent().resolve(g.path()).normalize()).documents());
                    }
                }
                List<Flag> expected = checker.check(docs).flags();
                Path dir = work.resolve("s" + scenarios++);
                List<Flag> flink = FlagJob.standing(FlinkRuns.collect(docs, FlagJob.Mode.ARCHIVE, 1, dir));
                assertThat(FlinkRuns.sorted(flink)).as("%s: %s", file.getFileName(), s.name())
                        .containsExactlyElementsOf(FlinkRuns.sorted(expected));
                flags += expected.size();
            }
        }
        assertThat(scenarios).isGreaterThan(50);
        assertThat(flags).isGreaterThan(40);
    }

    @Test
    void aGeneratedArchiveOf100kClaims_flagsWhatOneCheckFlags_onTwoTasks() throws Exception {
        List<Document> archive = new ArchiveGenerator(15).archive(100_000);
        List<Flag> expected = reference(archive);

        List<String> changelog = FlinkRuns.runToFiles(archive, FlagJob.Mode.ARCHIVE, 2, work, 2_000, s -> s);

        assertThat(expected).hasSizeGreaterThan(1_000);
        assertThat(changelog).allMatch(l -> l.contains("\"op\":\"RAISED\"")); // one check of each part: nothing retracted
        assertThat(changelog).doesNotHaveDuplicates();
        assertThat(FlinkRuns.sorted(FlagJob.standing(changelog))).containsExactlyElementsOf(FlinkRuns.sorted(expected));
    }

    @Test
    void aFeed_flagsWhatOneCheckFlags_raisingAndRetractingAsDocumentsCome() throws Exception {
        List<Document> feed = new ArchiveGenerator(7).archive(5_000);
        List<Flag> expected = reference(feed);

        List<String> changelog = FlinkRuns.runToFiles(feed, FlagJob.Mode.FEED, 2, work, 500, s -> s);

        assertThat(FlinkRuns.sorted(FlagJob.standing(changelog))).containsExactlyElementsOf(FlinkRuns.sorted(expected));
        assertThat(changelog).anyMatch(l -> l.contains("\"op\":\"RETRACTED\"")); // a later report undid a finding
        assertWellFormed(changelog);
    }

    @Test
    void aTaskFailingMidStream_losesNoFlagAndDuplicatesNone() throws Exception {
        List<Document> feed = new ArchiveGenerator(7).archive(5_000);
        List<Flag> expected = reference(feed);
        FailOnce.reset(feed.size() / 2);

        List<String> changelog = FlinkRuns.runToFiles(feed, FlagJob.Mode.FEED, 2, work, 300,
                s -> s.map(new FailOnce()).name("fails once"));

        assertThat(FailOnce.FAILED.get()).as("the failure was injected").isTrue();
        assertThat(FailOnce.passedBeforeFailure.get()).isLessThan(feed.size()); // mid-stream, after a checkpoint
        assertThat(FlinkRuns.sorted(FlagJob.standing(changelog))).containsExactlyElementsOf(FlinkRuns.sorted(expected));
        assertWellFormed(changelog);
    }

    @Test
    void aTaskFailingWhileAnArchiveIsRead_losesNoFlagAndDuplicatesNone() throws Exception {
        List<Document> archive = new ArchiveGenerator(9).archive(5_000);
        List<Flag> expected = reference(archive);
        FailOnce.reset(archive.size() / 2);

        List<String> changelog = FlinkRuns.runToFiles(archive, FlagJob.Mode.ARCHIVE, 2, work, 300,
                s -> s.map(new FailOnce()).name("fails once"));

        assertThat(FailOnce.FAILED.get()).as("the failure was injected").isTrue();
        assertThat(FailOnce.passedBeforeFailure.get()).isLessThan(archive.size()); // mid-input, after a checkpoint
        assertThat(changelog).allMatch(l -> l.contains("\"op\":\"RAISED\"")); // each part checked once
        assertThat(FlinkRuns.sorted(FlagJob.standing(changelog))).containsExactlyElementsOf(FlinkRuns.sorted(expected));
        assertWellFormed(changelog);
    }

    /**
     * Nothing doubled: no line twice, no flag raised again with the same words while it stands, no flag retracted that
     * does not stand.
     */
    private static void assertWellFormed(List<String> changelog) {
        assertThat(changelog).doesNotHaveDuplicates();
        Map<String, String> standing = new HashMap<>();
        for (String line : changelog) {
            var n = Codec.change(line);
            String id = n.get("id").asText();
            String flag = n.get("flag").toString();
            if (n.get("op").asText().equals(FlagLedger.RAISED)) {
                assertThat(standing.put(id, flag)).as("raised twice: %s", line).isNotEqualTo(flag);
            } else {
                assertThat(standing.remove(id)).as("retracted but not standing: %s", line).isNotNull();
            }
        }
    }

    /** Fails its task once, on the first document after a checkpoint completed past half the input. */
    static final class FailOnce implements MapFunction<String, String>, CheckpointListener {
        private static final long serialVersionUID = 1L;
        static final AtomicBoolean FAILED = new AtomicBoolean();
        static final AtomicBoolean CHECKPOINTED = new AtomicBoolean();
        static final AtomicInteger passedBeforeFailure = new AtomicInteger();
        static volatile int after;
        private static final AtomicInteger SEEN = new AtomicInteger();

        static void reset(int afterDocuments) {
            FAILED.set(false);
            CHECKPOINTED.set(false);
            SEEN.set(0);
            passedBeforeFailure.set(0);
            after = afterDocuments;
        }

        @Override
        public String map(String line) throws Exception {
            int n = SEEN.incrementAndGet();
            if (!FAILED.get()) {
                if (n >= after && CHECKPOINTED.get()) {
                    passedBeforeFailure.set(n);
                    FAILED.set(true);
                    throw new IllegalStateException("injected failure after " + n + " documents");
                }
                // a feed, not a flood: checkpoints complete while documents still come (slower past the mark, so
                // that one completes before the input ends even when its stages are quick, as archive mode's are)
                Thread.sleep(n >= after ? 30 : 5);
            }
            return line;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            if (SEEN.get() >= after) {
                CHECKPOINTED.set(true);
            }
        }
    }
}
