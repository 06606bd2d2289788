package org.factlint.flink;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.SimpleStringEncoder;
import org.apache.flink.api.common.serialization.SimpleStringSchema;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.reader.TextLineInputFormat;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.fs.Path;
import org.apache.flink.state.rocksdb.RocksDBConfigurableOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.rocksdb.CompressionType;

/**
 * The Flink job: claim documents in, the changelog of their flags out, the same flags as one {@link
 * org.factlint.Checker} check of the same documents. See {@link org.factlint.flink} for its stages and README.md
 * ("Scale-out on Flink") for running it.
 *
 * <pre>
 * flink run target/factlint-VERSION-flink-job.jar --mode archive --input /data/archive --output /data/flags
 * flink run target/factlint-VERSION-flink-job.jar --mode feed --kafka host:9092 --input-topic claims \
 *     --output-topic flags --checkpoints s3://bucket/factlint
 * </pre>
 */
public final class FlagJob {
    /** How the input is read. */
    public enum Mode {
        /** A bounded input (a directory of files, a topic up to its end now): re-checked as one archive. */
        ARCHIVE,
        /** An unbounded feed: each document checked against what came before, flags raised and retracted as it goes. */
        FEED
    }

    /**
     * The job's arguments.
     *
     * @param mode          archive or feed
     * @param input         a file or directory of JSON Lines claim documents (one document per line); or null
     * @param kafka         Kafka bootstrap servers for {@code inputTopic} / {@code outputTopic}; or null
     * @param inputTopic    the topic documents are read from (values: one claim document as JSON)
     * @param group         the Kafka consumer group
     * @param output        a directory the changelog is written to (JSON Lines, exactly once); or null
     * @param outputTopic   the topic the changelog is written to, keyed by flag id (compact it: an upsert stream)
     * @param rules         a rule pack directory every task manager can read; null for the bundled pack
     * @param checkpoints   where checkpoints go (a file system URI); null for the cluster's setting
     * @param interval      checkpoint interval
     * @param parallelism   the checkers' and ledger's parallelism; 0 for the cluster's default
     * @param monitor       feed mode with files: how often the input directory is scanned for new files; null to read
     *                      the files there now and end (a feed replayed from files)
     */
    public record Options(Mode mode, String input, String kafka, String inputTopic, String group, String output,
                          String outputTopic, String rules, String checkpoints, Duration interval, int parallelism,
                          Duration monitor) {
        public Options {
            if (mode == null) {
                throw new IllegalArgumentException("--mode is required: archive or feed");
            }
            if ((input == null) == (inputTopic == null)) {
                throw new IllegalArgumentException("give one input: --input PATH or --input-topic TOPIC");
            }
            if ((output == null) == (outputTopic == null)) {
                throw new IllegalArgumentException("give one output: --output DIR or --output-topic TOPIC");
            }
            if ((inputTopic != null || outputTopic != null) && kafka == null) {
                throw new IllegalArgumentException("--kafka HOST:PORT is required with a topic");
            }
            if (parallelism < 0) {
                throw new IllegalArgumentException("--parallelism must be 1 or more, was " + parallelism);
            }
        }

        /**
         * Reads {@code --name value} arguments.
         *
         * @throws IllegalArgumentException naming the argument that is unknown, lacks a value or is wrong
         */
        public static Options parse(String... args) {
            Mode mode = null;
            String input = null;
            String kafka = null;
            String inputTopic = null;
            String group = "factlint";
            String output = null;
            String outputTopic = null;
            String rules = null;
            String checkpoints = null;
            Duration interval = Duration.ofSeconds(30);
            int parallelism = 0;
            Duration monitor = Duration.ofSeconds(10);
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                String v = args[++i];
                switch (name) {
                    case "--mode" -> {
                        try {
                            mode = Mode.valueOf(v.toUpperCase(Locale.ROOT));
                        } catch (IllegalArgumentException e) {
                            throw new IllegalArgumentException("--mode is archive or feed, not '" + v + "'");
                        }
                    }
                    case "--input" -> input = v;
                    case "--kafka" -> kafka = v;
                    case "--input-topic" -> inputTopic = v;
                    case "--group" -> group = v;
                    case "--output" -> output = v;
                    case "--output-topic" -> outputTopic = v;
                    case "--rules" -> rules = v;
                    case "--checkpoints" -> checkpoints = v;
                    case "--checkpoint-interval" -> interval = Duration.ofSeconds(number(name, v));
                    case "--parallelism" -> parallelism = (int) number(name, v);
                    case "--monitor-interval" -> monitor = Duration.ofSeconds(number(name, v));
                    default -> throw new IllegalArgumentException("unknown argument '" + name + "' (expected --mode,"
                            + " --input, --kafka, --input-topic, --group, --output, --output-topic, --rules,"
                            + " --checkpoints, --checkpoint-interval, --parallelism, --monitor-interval)");
                }
            }
            return new Options(mode, input, kafka, inputTopic, group, output, outputTopic, rules, checkpoints,
                    interval, parallelism, monitor);
        }

        private static long number(String name, String v) {
            try {
                long n = Long.parseLong(v);
                if (n >= 1) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // below
            }
            throw new IllegalArgumentException(name + " takes a whole number of 1 or more, not '" + v + "'");
        }
    }

    private FlagJob() {
    }

    public static void main(String[] args) throws Exception {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("factlint flink job: " + e.getMessage());
            System.exit(2);
            return;
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(configuration(o));
        env.enableCheckpointing(o.interval().toMillis());
        if (o.parallelism() > 0) {
            env.setParallelism(o.parallelism());
        }
        DataStream<String> changes = changes(documents(env, o), o.mode(), o.rules());
        sink(changes, o);
        env.execute("factlint " + o.mode().name().toLowerCase(Locale.ROOT) + " check");
    }

    /**
     * RocksDB keyed state with incremental checkpoints (the ledger's state grows with the input). The first two levels
     * are not compressed: in archive mode most state (each document until it is placed, each part until it is full)
     * is written once, read once and deleted, so compressing it in every flush and compaction spent CPU beside the
     * checks on data that never reaches the deeper levels; those, where the ledger's state settles, use LZ4.
     */
    public static Configuration configuration(Options o) {
        Configuration conf = new Configuration();
        conf.set(StateBackendOptions.STATE_BACKEND, "rocksdb");
        conf.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, true);
        conf.set(RocksDBConfigurableOptions.COMPRESSION_PER_LEVEL, List.of(CompressionType.NO_COMPRESSION,
                CompressionType.NO_COMPRESSION, CompressionType.LZ4_COMPRESSION));
        if (o.checkpoints() != null) {
            conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, o.checkpoints());
        }
        return conf;
    }

    /** The documents, one JSON document per element: a file source, or a Kafka source. */
    public static DataStream<String> documents(StreamExecutionEnvironment env, Options o) {
        if (o.input() != null) {
            FileSource.FileSourceBuilder<String> files = FileSource.forRecordStreamFormat(new TextLineInputFormat(),
                    new Path(o.input()));
            if (o.mode() == Mode.FEED && o.monitor() != null) {
                files.monitorContinuously(o.monitor());
            }
            return env.fromSource(files.build(), WatermarkStrategy.noWatermarks(), "documents");
        }
        KafkaSource<String> kafka = kafkaSource(o);
        return env.fromSource(kafka, WatermarkStrategy.noWatermarks(), "documents");
    }

    private static KafkaSource<String> kafkaSource(Options o) {
        var b = KafkaSource.<String>builder()
                .setBootstrapServers(o.kafka())
                .setTopics(o.inputTopic())
                .setGroupId(o.group())
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setValueOnlyDeserializer(new SimpleStringSchema());
        if (o.mode() == Mode.ARCHIVE) {
            b.setBounded(OffsetsInitializer.latest()); // the topic as it stands now, re-checked as one archive
        }
        return b.build();
    }

    /**
     * The job's stages from documents to changelog lines (see {@link org.factlint.flink}): in archive mode the
     * parallel route of {@link Archive}, in feed mode the one-task {@link Router} and the parallel checks; then the
     * ledger (parallel, keyed by article).
     *
     * @param rules a rule pack directory, or null for the bundled pack
     */
    public static DataStream<String> changes(DataStream<String> documents, Mode mode, String rules) {
        DataStream<Snapshot> snapshots = mode == Mode.ARCHIVE ? Archive.check(documents, rules) : documents
                .keyBy(line -> 0, Types.INT)
                .process(new Router(mode, rules)).name("route").uid("route").setParallelism(1).setMaxParallelism(1)
                .rebalance()
                .flatMap(new PartChecker(rules)).name("check").uid("check");
        return snapshots
                .keyBy(s -> s.article, Types.STRING)
                .process(new FlagLedger()).name("ledger").uid("ledger");
    }

    /** Writes the changelog: files (exactly once, committed on checkpoints) or a Kafka topic keyed by flag id. */
    public static void sink(DataStream<String> changes, Options o) {
        if (o.output() != null) {
            changes.sinkTo(FileSink.forRowFormat(new Path(o.output()), new SimpleStringEncoder<String>("UTF-8"))
                    .build()).name("changelog").uid("changelog-files");
            return;
        }
        KafkaSink<String> kafka = KafkaSink.<String>builder()
                .setBootstrapServers(o.kafka())
                .setRecordSerializer(changeRecord(o.outputTopic()))
                // a replay resends changes already sent: harmless, the topic is an upsert stream keyed by flag id
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .build();
        changes.sinkTo(kafka).name("changelog").uid("changelog-kafka");
    }

    /**
     * A changelog line as a Kafka record keyed by its flag id. Its timestamp is left to the producer (the time it is
     * sent): archive mode emits its changes when the input ends, on the timer of the final watermark, and a broker
     * refuses that timestamp ({@code Long.MAX_VALUE}).
     */
    static KafkaRecordSerializationSchema<String> changeRecord(String topic) {
        return (line, context, timestamp) -> new org.apache.kafka.clients.producer.ProducerRecord<>(topic, null, null,
                Codec.idOf(line).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                line.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The flags a changelog leaves standing: the last {@code RAISED} of each flag id not {@code RETRACTED} after it. */
    public static List<org.factlint.Flag> standing(Iterable<String> changelog) {
        java.util.Map<String, org.factlint.Flag> open = new java.util.LinkedHashMap<>();
        for (String line : changelog) {
            var n = Codec.change(line);
            String id = n.get("id").asText();
            if (FlagLedger.RAISED.equals(n.get("op").asText())) {
                open.put(id, Codec.flag(n.get("flag").toString()));
            } else {
                open.remove(id);
            }
        }
        List<org.factlint.Flag> out = new ArrayList<>(open.values());
        java.util.Collections.sort(out);
        return out;
    }
}
