package org.factlint.bench;

import java.util.List;
import java.util.Set;
import org.factlint.BenchAccess;
import org.factlint.Checker;
import org.factlint.Factlint;
import org.factlint.Flag;
import org.factlint.RulePack;
import org.factlint.model.Document;
import org.factlint.rules.HandWritten;

/**
 * Checks a generated archive with the three implementations, asserts they agree and prints flag counts and rough
 * times: {@code java -cp target/benchmarks.jar org.factlint.bench.Verify 10000 [naive]}.
 */
public final class Verify {
    public static void main(String[] args) {
        int claims = Integer.parseInt(args[0]);
        boolean naive = args.length > 1 && args[1].equals("naive");
        long t0 = System.nanoTime();
        List<Document> docs = new ArchiveGenerator(42).archive(claims);
        long t1 = System.nanoTime();
        System.out.printf("generated %d documents in %d ms%n", docs.size(), (t1 - t0) / 1_000_000);
        Checker checker = Factlint.checker();
        HandWritten hand = new HandWritten(RulePack.bundled());
        long t2 = System.nanoTime();
        org.factlint.Report report = checker.check(docs);
        if (!report.complete()) {
            throw new AssertionError("the engine's check is incomplete: " + report.problems());
        }
        List<Flag> engine = report.flags();
        long t3 = System.nanoTime();
        List<Object> facts = BenchAccess.facts(docs);
        long t35 = System.nanoTime();
        Set<Flag> baseline = hand.check(facts);
        long t4 = System.nanoTime();
        System.out.printf("facts %d ms (%d facts)%n", (t35 - t3) / 1_000_000, facts.size());
        System.out.printf("engine %d ms, hand-written %d ms%n", (t3 - t2) / 1_000_000, (t4 - t3) / 1_000_000);
        System.out.println("flags by code: " + Same.byCode(engine));
        Same.flags("hand-written", baseline, "engine", engine);
        if (naive) {
            RulePack pack = BenchAccess.naivePack();
            long t5 = System.nanoTime();
            Set<Flag> n = BenchAccess.oneSession(pack, BenchAccess.facts(docs));
            System.out.printf("naive %d ms%n", (System.nanoTime() - t5) / 1_000_000);
            Same.flags("hand-written", baseline, "naive", n);
        }
        System.out.println("all agree: " + engine.size() + " flags");
    }
}
