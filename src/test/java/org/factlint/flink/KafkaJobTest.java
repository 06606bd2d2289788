package org.factlint.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.factlint.Factlint;
import org.factlint.Flag;
import org.factlint.bench.ArchiveGenerator;
import org.factlint.io.DocumentWriter;
import org.factlint.io.Json;
import org.factlint.model.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The job against a real Kafka broker (one node in KRaft mode, broker and controller combined, started once for the
 * class from Kafka's own test kit): documents read from a topic, the changelog written to a topic keyed by flag id,
 * the same flags as one single-machine check.
 */
class KafkaJobTest {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2)
                    .build());

    private static KafkaClusterTestKit kafka;

    @BeforeAll
    static void broker() throws Exception {
        kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(1)
                .setNumControllerNodes(1).build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build();
        kafka.format();
        kafka.startup();
        kafka.waitForReadyBrokers();
    }

    @AfterAll
    static void stop() throws Exception {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void anArchiveInATopic_givesOneChecksFlags_inATopicKeyedByFlagId() throws Exception {
        List<Document> archive = new ArchiveGenerator(11).archive(5_000);
        List<Flag> expected = Factlint.checker().check(archive).flags();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic("claims", 2, (short) 1), new NewTopic("flags", 1, (short) 1)))
                    .all().get();
        }
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            for (Document d : archive) {
                String json = Json.mapper().readTree(DocumentWriter.json(d)).toString();
                producer.send(new ProducerRecord<>("claims", d.article().id(), json));
            }
            producer.flush();
        }

        FlagJob.Options o = FlagJob.Options.parse("--mode", "archive", "--kafka", kafka.bootstrapServers(),
                "--input-topic", "claims", "--output-topic", "flags", "--group", "kafka-test", "--parallelism", "2");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(FlagJob.configuration(o));
        env.setParallelism(2);
        DataStream<String> changes = FlagJob.changes(FlagJob.documents(env, o), o.mode(), null);
        FlagJob.sink(changes, o);
        env.execute("kafka archive");

        List<ConsumerRecord<String, String>> records = readAll("flags");
        List<String> changelog = new ArrayList<>();
        for (ConsumerRecord<String, String> r : records) {
            assertThat(r.key()).as("the record key is the flag id").isEqualTo(Codec.idOf(r.value()));
            changelog.add(r.value());
        }
        assertThat(expected).hasSizeGreaterThan(50);
        assertThat(changelog).doesNotHaveDuplicates();
        assertThat(FlinkRuns.sorted(FlagJob.standing(changelog))).containsExactlyElementsOf(FlinkRuns.sorted(expected));
    }

    /** Every record of a topic as it stands now (up to its end offsets). */
    private static List<ConsumerRecord<String, String>> readAll(String topic) {
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c)) {
            List<TopicPartition> parts = consumer.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            Map<TopicPartition, Long> end = consumer.endOffsets(parts);
            long wanted = end.values().stream().mapToLong(Long::longValue).sum();
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (out.size() < wanted && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(out::add);
            }
            assertThat(out).as("records read from %s", topic).hasSize((int) wanted);
        }
        return out;
    }
}
