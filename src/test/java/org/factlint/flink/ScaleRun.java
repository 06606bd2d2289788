package org.factlint.flink;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.factlint.Checker;
import org.factlint.Factlint;
import org.factlint.Report;
import org.factlint.bench.ArchiveGenerator;
import org.factlint.internal.FactLoader;
import org.factlint.internal.Hooks;
import org.factlint.model.Document;

/**
 * The scale-out benchmark (BENCHMARKS.md, "Scale-out on Flink"): a generated archive re-checked by the single-machine
 * {@code Checker} and by the Flink job (archive mode, RocksDB, checkpoints on) on a local cluster with parallelism 1
 * and 2, wall time of each; then the router's serial cost and the per-part check costs the 100M estimate rests on.
 * Not a unit test: run by {@code src/bench/flink.sh CLAIMS}.
 */
public final class ScaleRun {
    private ScaleRun() {
    }

    public static void main(String[] args) throws Exception {
        int claims = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 1; // 0: only the costs
        Path work = Files.createTempDirectory("factlint-flink-bench");
        List<Document> archive = new ArchiveGenerator(42).archive(claims);
        Path input = FlinkRuns.writeLines(work.resolve("in"), archive);
        System.out.printf(Locale.ROOT, "archive: %,d claims in %,d documents, %,d MB of JSON Lines%n", claims,
                archive.size(), Files.size(input) >> 20);
        Checker checker = Factlint.checker();
        if (repeats == 0) {
            costs(archive, checker);
            return;
        }
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            Report report = checker.check(archive);
            System.out.printf(Locale.ROOT, "single-machine Checker (%d cores): %.1f s, %,d flags%n",
                    Runtime.getRuntime().availableProcessors(), (System.nanoTime() - t0) / 1e9, report.flags().size());
        }
        for (int r = 0; r < repeats; r++) {
            for (int p : new int[] {1, 2}) {
                long t0 = System.nanoTime();
                run(input, work.resolve("cp-" + p + "-" + r), p);
                System.out.printf(Locale.ROOT, "flink job, parallelism %d: %.1f s%n", p, (System.nanoTime() - t0) / 1e9);
            }
        }
        costs(archive, checker);
    }

    private static void run(Path input, Path checkpoints, int parallelism) throws Exception {
        FlagJob.Options o = new FlagJob.Options(FlagJob.Mode.ARCHIVE, input.toString(), null, null, "b",
                checkpoints.resolve("out").toString(), null, null, checkpoints.toUri().toString(),
                Duration.ofSeconds(30), parallelism, Duration.ofSeconds(10));
        Configuration conf = FlagJob.configuration(o);
        conf.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, org.apache.flink.configuration.MemorySize.ofMebiBytes(512));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism, conf);
        env.enableCheckpointing(o.interval().toMillis());
        DataStream<String> changes = FlagJob.changes(FlagJob.documents(env, o), o.mode(), null);
        changes.sinkTo(new DiscardingSink<>());
        env.execute("bench p" + parallelism);
    }

    /** The serial part (load and place every fact) and the parallel part (check each component), measured apart. */
    private static void costs(List<Document> archive, Checker checker) {
        long t0 = System.nanoTime();
        FactLoader loader = new FactLoader(Hooks.tables(checker.pack()));
        loader.preResolve(archive);
        List<Object> facts = new ArrayList<>();
        archive.forEach(d -> facts.addAll(loader.load(d)));
        long loaded = System.nanoTime();
        Components components = new Components(Hooks.joins(checker.pack()));
        components.add(facts);
        long placed = System.nanoTime();
        int n = archive.stream().mapToInt(d -> d.claims().size()).sum();
        System.out.printf(Locale.ROOT, "components: %,d; serial: load %.1f s (%.1f µs/claim), place %.1f s"
                        + " (%.1f µs/claim)%n", components.roots().size(), (loaded - t0) / 1e9, (loaded - t0) / 1e3 / n,
                (placed - loaded) / 1e9, (placed - loaded) / 1e3 / n);
        // the parts as the router cuts them: components binned to about Router.PART_CLAIMS claims
        List<List<Integer>> bins = new ArrayList<>();
        List<Integer> bin = new ArrayList<>();
        int binClaims = 0;
        for (int root : components.roots()) {
            bin.add(root);
            binClaims += components.claims(root);
            if (binClaims >= Router.PART_CLAIMS) {
                bins.add(bin);
                bin = new ArrayList<>();
                binClaims = 0;
            }
        }
        if (!bin.isEmpty()) {
            bins.add(bin);
        }
        List<long[]> parts = new ArrayList<>(); // claims, nanos
        long encode = 0;
        for (List<Integer> b : bins) {
            List<Object> part = components.part(b);
            long e0 = System.nanoTime();
            for (Object f : part) {
                Codec.fact(Codec.fact(f)); // what routing costs per fact: written by the router, read by a checker
            }
            encode += System.nanoTime() - e0;
            int c = (int) part.stream().filter(f -> f instanceof org.factlint.facts.ClaimFact).count();
            long c0 = System.nanoTime();
            Hooks.checkFacts(checker, part, c);
            parts.add(new long[] {c, System.nanoTime() - c0});
        }
        long total = parts.stream().mapToLong(p -> p[1]).sum();
        long[] largest = parts.stream().max(java.util.Comparator.comparingLong(p -> p[0])).orElseThrow();
        long slowest = parts.stream().mapToLong(p -> p[1]).max().orElseThrow();
        System.out.printf(Locale.ROOT, "encode+decode %.1f s (%.1f µs/claim)%n", encode / 1e9, encode / 1e3 / n);
        System.out.printf(Locale.ROOT, "parallel: %,d parts, checks %.1f s in all (%.1f µs/claim); largest part %,d claims"
                        + " in %.2f s; slowest part %.2f s%n", parts.size(), total / 1e9, total / 1e3 / n, largest[0],
                largest[1] / 1e9, slowest / 1e9);
    }
}
