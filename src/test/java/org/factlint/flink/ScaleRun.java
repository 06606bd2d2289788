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
        if (repeats == 0) { // "route": only the stages before the checks (read, resolve, keys, place)
            costs(archive, checker, args.length > 2 && args[2].equals("route"));
            return;
        }
        boolean single = args.length < 3 || !args[2].equals("jobs"); // "jobs": only the Flink runs
        for (int r = 0; single && r < repeats; r++) {
            long t0 = System.nanoTime();
            Report report = checker.check(archive);
            System.out.printf(Locale.ROOT, "single-machine Checker (%d cores): %.1f s, %,d flags, %d problems %s%n",
                    Runtime.getRuntime().availableProcessors(), (System.nanoTime() - t0) / 1e9, report.flags().size(),
                    report.problems().size(), report.problems().stream().limit(3).toList());
        }
        archive = null; // the jobs read the file: the generated archive must not sit on the task managers' heap
        for (int r = 0; r < repeats; r++) {
            for (int p : parallelisms()) {
                long t0 = System.nanoTime();
                double load0 = java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage();
                try (CpuSampler cpu = new CpuSampler()) {
                    run(input, work.resolve("cp-" + p + "-" + r), p);
                    System.out.printf(Locale.ROOT, "flink job, parallelism %d: %.1f s (load average %.1f before,"
                                    + " %.1f after)%n", p, (System.nanoTime() - t0) / 1e9, load0,
                            java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
                }
            }
        }
        if (single) {
            costs(new ArchiveGenerator(42).archive(claims), checker, false);
        }
    }

    /** The parallelisms to run ({@code -Dfactlint.parallelisms=2} for one), 1 and 2 by default. */
    private static int[] parallelisms() {
        return java.util.Arrays.stream(System.getProperty("factlint.parallelisms", "1,2").split(","))
                .mapToInt(Integer::parseInt).toArray();
    }

    private static void run(Path input, Path checkpoints, int parallelism) throws Exception {
        FlagJob.Options o = new FlagJob.Options(FlagJob.Mode.ARCHIVE, input.toString(), null, null, "b",
                checkpoints.resolve("out").toString(), null, null, checkpoints.toUri().toString(),
                Duration.ofSeconds(30), parallelism, Duration.ofSeconds(10));
        Configuration conf = FlagJob.configuration(o);
        // RocksDB's memory (managed memory) per slot, as a cluster gives each slot its share: one task manager with
        // 512 MB for all its slots gave each slot at parallelism 2 half the write buffers of parallelism 1
        conf.set(TaskManagerOptions.MANAGED_MEMORY_SIZE,
                org.apache.flink.configuration.MemorySize.ofMebiBytes(512L * parallelism));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism, conf);
        env.enableCheckpointing(o.interval().toMillis());
        DataStream<String> changes = FlagJob.changes(FlagJob.documents(env, o), o.mode(), null);
        changes.sinkTo(new DiscardingSink<>());
        env.execute("bench p" + parallelism);
    }

    /** This thread's CPU time: the cost split runs in one thread, and CPU time is fair on a shared machine. */
    private static long cpuNanos() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /**
     * Archive mode's stages, one after the other in this thread (its CPU time per stage), with the job's own code: the serial ones (resolve,
     * place) and the parallel ones (facts and key hashes, assembling, checking each part), so that the per-claim
     * cost of each can be scaled to other sizes and slot counts.
     */
    private static void costs(List<Document> archive, Checker checker, boolean route) throws Exception {
        int n = archive.stream().mapToInt(d -> d.claims().size()).sum();
        List<String> lines = new ArrayList<>(archive.size());
        for (Document d : archive) {
            lines.add(org.factlint.io.DocumentWriter.json(d));
        }
        org.apache.flink.metrics.SimpleCounter accepted = new org.apache.flink.metrics.SimpleCounter();
        org.apache.flink.metrics.SimpleCounter rejected = new org.apache.flink.metrics.SimpleCounter();
        long tr = cpuNanos();
        List<Archive.Parsed> parsed = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            parsed.addAll(Reader.parse(new Archive.Line(i, lines.get(i)), rejected));
        }
        long t0 = cpuNanos();
        List<Archive.Doc> docs = new ArrayList<>();
        Resolver.resolve(checker.pack(), parsed, accepted, rejected,
                (p, resolution) -> docs.add(new Archive.Doc(docs.size(), p.seq, p.line, p.index, resolution)));
        parsed = null;
        long t1 = cpuNanos();
        FactLoader loader = new FactLoader(Hooks.tables(checker.pack()));
        org.factlint.internal.JoinKeys keys = KeyHasher.placing(checker.pack());
        List<Archive.DocKeys> hashed = new ArrayList<>(docs.size());
        for (Archive.Doc d : docs) {
            hashed.add(KeyHasher.keys(loader, keys, d));
        }
        long t2 = cpuNanos();
        List<Archive.Labels> labels = new ArrayList<>(docs.size());
        Placer.Bins bins = Placer.bins(hashed, labels::add, 0, 0);
        List<Archive.BinSize> sizes = bins.sizes();
        long t3 = cpuNanos();
        if (route) {
            System.out.printf(Locale.ROOT, "CPU in one thread: serial: resolve %.1f s (%.1f µs/claim), place %.1f s;"
                            + " parallel: read %.1f s (%.1f µs/claim), facts + key hashes %.1f s (%.1f µs/claim);"
                            + " %,d parts%n", (t1 - t0) / 1e9, (t1 - t0) / 1e3 / n, (t3 - t2) / 1e9, (t0 - tr) / 1e9,
                    (t0 - tr) / 1e3 / n, (t2 - t1) / 1e9, (t2 - t1) / 1e3 / n, sizes.size());
            return;
        }
        hashed = null;
        List<List<Archive.PartFact>> parts = new ArrayList<>();
        sizes.forEach(s -> parts.add(new ArrayList<>(s.facts)));
        labels.sort(java.util.Comparator.comparingLong(l -> l.seq));
        for (Archive.Doc d : docs) {
            Assembler.send(loader, d, labels.get((int) d.seq), f -> parts.get(f.bin).add(f));
        }
        long t4 = cpuNanos();
        long values = 0;
        System.out.printf(Locale.ROOT, "CPU in one thread: serial: resolve %.1f s (%.1f µs/claim), place %.1f s"
                        + " (%.1f µs/claim); parallel: read %.1f s (%.1f µs/claim), facts + key hashes %.1f s"
                        + " (%.1f µs/claim), assemble %.1f s (%.1f µs/claim); %,d parts%n", (t1 - t0) / 1e9, (t1 - t0) / 1e3 / n,
                (t3 - t2) / 1e9, (t3 - t2) / 1e3 / n, (t0 - tr) / 1e9, (t0 - tr) / 1e3 / n,
                (t2 - t1) / 1e9, (t2 - t1) / 1e3 / n, (t4 - t3) / 1e9, (t4 - t3) / 1e3 / n, sizes.size());
        List<long[]> checked = new ArrayList<>(); // claims, nanos
        for (List<Archive.PartFact> part : parts) {
            long c0 = cpuNanos();
            part.sort(java.util.Comparator.comparingLong(f -> f.order));
            List<Object> facts = new ArrayList<>(part.size());
            part.forEach(f -> java.util.Arrays.stream(f.facts).forEach(e -> facts.add(Codec.fact(e))));
            int c = (int) facts.stream().filter(f -> f instanceof org.factlint.facts.ClaimFact).count();
            Hooks.checkFactsInOneSession(checker, facts, c);
            checked.add(new long[] {c, cpuNanos() - c0});
        }
        long total = checked.stream().mapToLong(p -> p[1]).sum();
        long[] largest = checked.stream().max(java.util.Comparator.comparingLong(p -> p[0])).orElseThrow();
        long slowest = checked.stream().mapToLong(p -> p[1]).max().orElseThrow();
        System.out.printf(Locale.ROOT, "parallel: checks (decode + check) %.1f s in all (%.1f µs/claim); largest part"
                        + " %,d claims in %.2f s; slowest part %.2f s%n", total / 1e9, total / 1e3 / n, largest[0],
                largest[1] / 1e9, slowest / 1e9);
        // what the weight model (Placer.weight) is fitted on: each part's claims, join pairs and cost, to a file
        StringBuilder tsv = new StringBuilder("part\tclaims\tpairs\tfacts\tseconds\n");
        for (int b = 0; b < checked.size(); b++) {
            tsv.append(b).append('\t').append(bins.claims()[b]).append('\t').append(bins.pairs()[b]).append('\t')
                    .append(sizes.get(b).facts).append('\t').append(checked.get(b)[1] / 1e9).append('\n');
        }
        Path partsFile = Path.of("target/bench/parts-" + n + ".tsv");
        Files.writeString(partsFile, tsv);
        StringBuilder top = new StringBuilder();
        java.util.stream.IntStream.range(0, checked.size()).boxed()
                .sorted(java.util.Comparator.comparingDouble(b -> -checked.get(b)[1])).limit(5).forEach(b ->
                top.append(String.format(Locale.ROOT, " %,d claims, %,d join pairs: %.2f s (weight %,.0f);",
                        bins.claims()[b], bins.pairs()[b], checked.get(b)[1] / 1e9,
                        Placer.weight(bins.claims()[b], bins.pairs()[b]))));
        System.out.printf(Locale.ROOT, "dearest parts:%s each part's cost in %s%n", top, partsFile);
        // the check tasks' costs as the placer keys the parts for two tasks
        double[] weight = new double[checked.size()];
        java.util.Arrays.setAll(weight, b -> Placer.weight(bins.claims()[b], bins.pairs()[b]));
        int max = org.apache.flink.runtime.state.KeyGroupRangeAssignment.computeDefaultMaxParallelism(2);
        int[] key = Placer.keys(weight, 2, max);
        double[] cost = new double[2];
        for (int b = 0; b < key.length; b++) {
            cost[org.apache.flink.runtime.state.KeyGroupRangeAssignment.assignKeyToParallelOperator(key[b], max, 2)]
                    += checked.get(b)[1] / 1e9;
        }
        System.out.printf(Locale.ROOT, "two check tasks as placed: %.1f s and %.1f s of checking%n", cost[0], cost[1]);
    }

    /** CPU time of each thread of this JVM while a job runs, sampled: Flink names task threads after their tasks. */
    static final class CpuSampler implements AutoCloseable {
        private final java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        private final java.util.Map<Long, String> names = new java.util.concurrent.ConcurrentHashMap<>();
        private final java.util.Map<Long, Long> cpu = new java.util.concurrent.ConcurrentHashMap<>();
        private final java.util.Map<Long, Long> before = new java.util.HashMap<>();
        /** Per task (attempts merged): when its CPU first and last grew, ms since the sampler started. */
        private final java.util.Map<String, long[]> span = new java.util.concurrent.ConcurrentHashMap<>();
        /** Per task (attempts and subtasks merged): CPU ms in each {@link #BUCKET_MS} since the sampler started. */
        private final java.util.Map<String, long[]> timeline = new java.util.concurrent.ConcurrentHashMap<>();
        private static final long BUCKET_MS = Long.getLong("factlint.timeline.ms", 5_000L);
        private final long start = System.nanoTime();
        private final Thread thread;
        private volatile boolean stop;
        private final long process0 = processCpu();
        private final long gc0 = gcMillis();
        private long lastGc = gc0;
        private final long jit0 = jitMillis();
        private final java.util.Map<String, Long> native0 = nativeTicks();

        CpuSampler() {
            for (long id : mx.getAllThreadIds()) {
                before.put(id, Math.max(0, mx.getThreadCpuTime(id)));
            }
            thread = new Thread(() -> {
                while (!stop) {
                    sample();
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "cpu-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        private void sample() {
            long gc = gcMillis(); // GC pauses (wall ms) as a row of the timeline: they stop every stage
            long[] pauses = timeline.computeIfAbsent("GC pauses", x -> new long[4096]);
            pauses[(int) Math.min(pauses.length - 1, (System.nanoTime() - start) / 1_000_000 / BUCKET_MS)] +=
                    gc - lastGc;
            lastGc = gc;
            for (java.lang.management.ThreadInfo t : mx.getThreadInfo(mx.getAllThreadIds())) {
                if (t == null) {
                    continue;
                }
                long c = mx.getThreadCpuTime(t.getThreadId());
                if (c > 0) {
                    names.put(t.getThreadId(), t.getThreadName());
                    long used = c - before.getOrDefault(t.getThreadId(), 0L);
                    Long was = cpu.put(t.getThreadId(), used);
                    if (was != null && used > was && t.getThreadName().matches(".*\\(\\d+/\\d+\\)#\\d+")) {
                        int b = (int) ((System.nanoTime() - start) / 1_000_000 / BUCKET_MS);
                        long[] line = timeline.computeIfAbsent(t.getThreadName().replaceAll(" \\(\\d+/\\d+\\)#\\d+$",
                                ""), x -> new long[4096]);
                        line[Math.min(b, line.length - 1)] += (used - was) / 1_000_000;
                    }
                    // a task is busy while its CPU grows by more than a tenth of the 200 ms between samples
                    if (was != null && used - was > 20_000_000L
                            && t.getThreadName().matches(".*\\(\\d+/\\d+\\)#\\d+")) {
                        long now = (System.nanoTime() - start) / 1_000_000;
                        span.merge(t.getThreadName().replaceAll("#\\d+$", ""), new long[] {now, now},
                                (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
                    }
                }
            }
        }

        private static long gcMillis() {
            return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).sum();
        }

        private static long jitMillis() {
            return java.lang.management.ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
        }

        private static long processCpu() {
            return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean()).getProcessCpuTime();
        }

        /** The task threads' CPU seconds (the job's stages), largest first, and the process's in all. */
        @Override
        public void close() throws InterruptedException {
            stop = true;
            thread.join();
            sample();
            double process = (processCpu() - process0) / 1e9;
            double gc = (gcMillis() - gc0) / 1e3;
            double jit = (jitMillis() - jit0) / 1e3;
            java.util.Map<String, Double> byTask = new java.util.TreeMap<>();
            double[] tasks = new double[1];
            double[] others = new double[1];
            java.util.Map<String, Double> byOther = new java.util.TreeMap<>();
            cpu.forEach((id, c) -> {
                String name = names.get(id);
                if (name.matches(".*\\(\\d+/\\d+\\)#\\d+")) {
                    tasks[0] += c / 1e9;
                    if (c > 50_000_000L) {
                        byTask.merge(name.replaceAll("#\\d+$", ""), c / 1e9, Double::sum);
                    }
                } else {
                    others[0] += c / 1e9;
                    byOther.merge(name.replaceAll("\\d+", "#"), c / 1e9, Double::sum);
                }
            });
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "  CPU: process %.1f s = task threads"
                            + " %.1f s + other Java threads %.1f s + native/GC/JIT threads %.1f s (GC pauses %.1f s"
                            + " wall, JIT %.1f s; heap used after %,d MB); task threads:", process, tasks[0],
                    others[0], process - tasks[0] - others[0], gc, jit,
                    (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20));
            byTask.entrySet().stream().sorted((x, y) -> Double.compare(y.getValue(), x.getValue()))
                    .forEach(e -> b.append(String.format(Locale.ROOT, " [%s] %.1f s;", e.getKey(), e.getValue())));
            System.out.println(b);
            StringBuilder j = new StringBuilder("  other Java threads:");
            byOther.entrySet().stream().filter(e -> e.getValue() >= 0.3)
                    .sorted((x, y) -> Double.compare(y.getValue(), x.getValue()))
                    .forEach(e -> j.append(String.format(Locale.ROOT, " [%s] %.1f s;", e.getKey(), e.getValue())));
            System.out.println(j);
            // every thread of the process by its OS name (Java threads too, names cut to 15 characters), digits
            // folded: what the CPU outside the task threads is (GC, C2/C1, rocksdb:low, Flink's own threads)
            java.util.Map<String, Long> after = nativeTicks();
            java.util.Map<String, Double> byName = new java.util.TreeMap<>();
            after.forEach((tid, t) -> {
                long d = t - native0.getOrDefault(tid, 0L);
                if (d > 0) {
                    byName.merge(tid.substring(tid.indexOf(' ') + 1).replaceAll("\\d+", "#"), d / 100.0,
                            Double::sum);
                }
            });
            StringBuilder o = new StringBuilder("  CPU by OS thread name:");
            byName.entrySet().stream().filter(e -> e.getValue() >= 0.5)
                    .sorted((x, y) -> Double.compare(y.getValue(), x.getValue()))
                    .forEach(e -> o.append(String.format(Locale.ROOT, " [%s] %.1f s;", e.getKey(), e.getValue())));
            System.out.println(o);
            // when each task was busy: which stages overlap, which ran alone (the critical path)
            StringBuilder w = new StringBuilder("  busy (s from submission):");
            span.entrySet().stream().sorted(java.util.Comparator.comparingLong(e -> e.getValue()[0]))
                    .forEach(e -> w.append(String.format(Locale.ROOT, " [%s] %.0f-%.0f;", e.getKey(),
                            e.getValue()[0] / 1e3, e.getValue()[1] / 1e3)));
            System.out.println(w);
            // each stage's CPU over time, all its subtasks together, in tenths of a core per bucket (X: a core or
            // more): what runs beside what, and what waits
            int last = timeline.values().stream().mapToInt(l -> {
                int i = l.length - 1;
                while (i > 0 && l[i] == 0) {
                    i--;
                }
                return i;
            }).max().orElse(0);
            System.out.printf(Locale.ROOT, "  CPU per stage over time (%d s buckets, tenths of a core):%n",
                    BUCKET_MS / 1000);
            timeline.entrySet().stream().filter(e -> java.util.Arrays.stream(e.getValue()).sum() >= BUCKET_MS / 10)
                    .sorted(java.util.Map.Entry.comparingByKey()).forEach(e -> {
                String stage = e.getKey().replace("ledger -> Sink: Writer", "ledger");
                StringBuilder t = new StringBuilder(String.format(Locale.ROOT, "    %-9.9s ", stage));
                for (int i = 0; i <= last; i++) {
                    long tenths = Math.round(e.getValue()[i] * 10.0 / BUCKET_MS);
                    t.append(tenths == 0 ? '.' : tenths >= 10 ? 'X' : (char) ('0' + tenths));
                }
                System.out.println(t);
            });
        }

        /** {@code "tid name"} to user + system clock ticks of every thread of this process (Linux /proc). */
        private static java.util.Map<String, Long> nativeTicks() {
            java.util.Map<String, Long> out = new java.util.HashMap<>();
            try (var tasks = Files.list(Path.of("/proc/self/task"))) {
                for (Path t : (Iterable<Path>) tasks::iterator) {
                    try {
                        String stat = Files.readString(t.resolve("stat"));
                        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        out.put(t.getFileName() + " " + name, Long.parseLong(f[11]) + Long.parseLong(f[12]));
                    } catch (java.io.IOException | RuntimeException e) {
                        // the thread ended meanwhile
                    }
                }
            } catch (java.io.IOException e) {
                // not Linux: no split
            }
            return out;
        }
    }
}
