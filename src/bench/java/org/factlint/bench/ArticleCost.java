package org.factlint.bench;

import java.nio.file.Path;
import java.util.List;
import org.factlint.BenchAccess;
import org.factlint.Checker;
import org.factlint.Factlint;
import org.factlint.RulePack;
import org.factlint.model.Document;

/**
 * Where a per-article check spends its time, by peeling layers: the public {@code Checker} with the prebuilt pack and
 * with the same DRL compiled by the classic engine, and a bare session (insert, fire, read flags) with each.
 * {@code java -cp target/benchmarks.jar org.factlint.bench.ArticleCost [seconds]}; a rough guide, JMH has the figures.
 */
public final class ArticleCost {
    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Document article = new ArchiveGenerator(7).article(50);
        List<Document> one = List.of(article);
        RulePack prebuilt = RulePack.bundled();
        RulePack classic = RulePack.load(Path.of("rules"));
        Checker checkerPrebuilt = Factlint.checker();
        Checker checkerClassic = Factlint.checker(classic);
        RulePack naive = BenchAccess.naivePack();
        for (int round = 0; round < 2; round++) {
            run("Checker, prebuilt model", seconds, () -> checkerPrebuilt.check(article));
            run("Checker, classic DRL", seconds, () -> checkerClassic.check(article));
            run("bare session, prebuilt model", seconds, () -> BenchAccess.oneSession(prebuilt, BenchAccess.facts(one)));
            run("bare session, classic DRL", seconds, () -> BenchAccess.oneSession(classic, BenchAccess.facts(one)));
            run("bare session, naive pack", seconds, () -> BenchAccess.oneSession(naive, BenchAccess.facts(one)));
            run("facts only", seconds, () -> BenchAccess.facts(one));
        }
    }

    private static void run(String what, int seconds, java.util.function.Supplier<Object> check) {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long n = 0;
        long start = System.nanoTime();
        Object sink = null;
        while (System.nanoTime() < end) {
            sink = check.get();
            n++;
        }
        System.out.printf("%-32s %8.1f µs per article%s%n", what, (System.nanoTime() - start) / 1e3 / n,
                sink == null ? "?" : "");
    }
}
