package org.factlint.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.factlint.BenchAccess;
import org.factlint.Checker;
import org.factlint.Factlint;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-article latency: one 50-claim article checked with the default pack through the public {@link Checker}
 * (session create, insert, fire, report), one thread and two threads sharing the checker; against the hand-written
 * checks and the naive engine use (its own classic-compiled pack, one session per article).
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.SampleTime, Mode.Throughput})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-XX:+UseParallelGC"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class ArticleBench {
    private Document article;
    private List<Document> articles;
    private Checker checker;
    private HandWritten hand;
    private RulePack naive;

    @Setup(Level.Trial)
    public void setUp() {
        article = new ArchiveGenerator(7).article(50);
        articles = List.of(article);
        checker = Factlint.checker();
        hand = new HandWritten(RulePack.bundled());
        naive = BenchAccess.naivePack();
        Same.flags("hand-written", hand.check(BenchAccess.facts(articles)), "engine", checker.check(article).flags());
        Same.flags("hand-written", hand.check(BenchAccess.facts(articles)), "naive engine",
                BenchAccess.oneSession(naive, BenchAccess.facts(articles)));
        System.out.println("\narticle flags: " + Same.byCode(checker.check(article).flags()));
    }

    @Benchmark
    @Threads(1)
    public Object engine1Thread() {
        return checker.check(article);
    }

    @Benchmark
    @Threads(2)
    public Object engine2Threads() {
        return checker.check(article);
    }

    @Benchmark
    @Threads(1)
    public Object handWritten() {
        return hand.check(BenchAccess.facts(articles));
    }

    @Benchmark
    @Threads(1)
    public Object naiveEngine() {
        return BenchAccess.oneSession(naive, BenchAccess.facts(articles));
    }
}
