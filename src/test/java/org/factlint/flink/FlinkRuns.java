package org.factlint.flink;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.factlint.Flag;
import org.factlint.io.DocumentWriter;
import org.factlint.io.Json;
import org.factlint.model.Document;

/** Runs the job on the test class's MiniCluster and reads what it wrote. */
final class FlinkRuns {
    private FlinkRuns() {
    }

    /** Documents as the job reads them: one JSON document per line. */
    static Path writeLines(Path dir, List<Document> docs) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve("documents.jsonl");
        StringBuilder out = new StringBuilder();
        for (Document d : docs) {
            out.append(Json.mapper().readTree(DocumentWriter.json(d)).toString()).append('\n');
        }
        Files.writeString(file, out, StandardCharsets.UTF_8);
        return file;
    }

    /** The job on these documents, its changelog collected (no checkpoints: a quick run). */
    static List<String> collect(List<Document> docs, FlagJob.Mode mode, int parallelism, Path work) throws Exception {
        Path input = writeLines(work.resolve("in"), docs);
        FlagJob.Options o = new FlagJob.Options(mode, input.toString(), null, null, "t", work.resolve("out").toString(),
                null, null, null, Duration.ofSeconds(1), parallelism, null);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(FlagJob.configuration(o));
        env.setParallelism(parallelism);
        DataStream<String> changes = FlagJob.changes(FlagJob.documents(env, o), mode, null);
        List<String> lines = new ArrayList<>();
        try (CloseableIterator<String> it = changes.executeAndCollect("collect")) {
            it.forEachRemaining(lines::add);
        }
        return lines;
    }

    /**
     * The job as on a cluster: RocksDB, checkpoints every {@code checkpointMillis}, restarts on failure, the changelog
     * written by the exactly-once file sink. {@code between} is applied to the documents before the job's stages.
     * Returns the committed changelog lines.
     */
    static List<String> runToFiles(List<Document> docs, FlagJob.Mode mode, int parallelism, Path work,
                                   long checkpointMillis, UnaryOperator<DataStream<String>> between) throws Exception {
        Path input = writeLines(work.resolve("in"), docs);
        Path output = work.resolve("out");
        FlagJob.Options o = new FlagJob.Options(mode, input.toString(), null, null, "t", output.toString(), null, null,
                work.resolve("checkpoints").toUri().toString(), Duration.ofMillis(checkpointMillis), parallelism,
                null);
        Configuration conf = FlagJob.configuration(o);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(100));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(parallelism);
        env.enableCheckpointing(checkpointMillis);
        DataStream<String> changes = FlagJob.changes(between.apply(FlagJob.documents(env, o)), mode, null);
        FlagJob.sink(changes, o);
        env.execute("files");
        return committed(output);
    }

    /** The lines of the committed part files (in-progress and pending files start with a dot). */
    static List<String> committed(Path output) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.walk(output)) {
            for (Path p : files.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList()) {
                Files.readAllLines(p, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).forEach(lines::add);
            }
        }
        return lines;
    }

    /** Flags in one total order, for comparing two checks' findings whatever order each reported them in. */
    static List<Flag> sorted(List<Flag> flags) {
        List<Flag> out = new ArrayList<>(flags);
        out.sort(Comparator.comparing(Flag::toString));
        return out;
    }
}
