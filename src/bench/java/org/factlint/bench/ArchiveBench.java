package org.factlint.bench;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.factlint.BenchAccess;
import org.factlint.Checker;
import org.factlint.Factlint;
import org.factlint.Flag;
import org.factlint.RulePack;
import org.factlint.model.Document;
import org.factlint.rules.HandWritten;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Archive throughput: a generated archive of 10k, 100k or 1M claims checked as one batch, from validated documents to
 * flags, by the engine ({@link Checker}, the bundled pack), the hand-written Java checks and the naive engine use.
 * Every implementation's flags are compared with the hand-written ones: once before timing (engine), and after every
 * measured iteration (all three).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms20g", "-Xmx20g", "-XX:+UseParallelGC"})
@Warmup(iterations = 5)
@Measurement(iterations = 5)
public class ArchiveBench {
    @Param({"10000", "100000", "1000000"})
    public int claims;

    private List<Document> documents;
    private Checker checker;
    private HandWritten hand;
    private RulePack naive;
    private Set<Same.Key> expected;
    private Collection<Flag> last;
    private String lastBy;

    @Setup(Level.Trial)
    public void setUp() {
        documents = new ArchiveGenerator(42).archive(claims);
        checker = Factlint.checker();
        hand = new HandWritten(RulePack.bundled());
        naive = BenchAccess.naivePack();
        Set<Flag> byHand = hand.check(BenchAccess.facts(documents));
        org.factlint.Report report = checker.check(documents);
        if (!report.complete()) {
            throw new AssertionError("the engine's check is incomplete: " + report.problems());
        }
        Same.flags("hand-written", byHand, "engine", report.flags());
        expected = Same.keys(byHand);
        System.out.println("\n" + claims + " claims, " + documents.size() + " documents, flags: " + Same.byCode(byHand));
    }

    @Benchmark
    public Object engine() {
        lastBy = "engine";
        return last = checker.check(documents).flags();
    }

    @Benchmark
    public Object handWritten() {
        lastBy = "hand-written";
        return last = hand.check(BenchAccess.facts(documents));
    }

    @Benchmark
    public Object naiveEngine() {
        lastBy = "naive engine";
        return last = BenchAccess.oneSession(naive, BenchAccess.facts(documents));
    }

    @TearDown(Level.Iteration)
    public void sameFlags() {
        if (last != null && !Same.keys(last).equals(expected)) {
            throw new AssertionError(lastBy + " raised other flags than the hand-written checks");
        }
        last = null;
    }
}
