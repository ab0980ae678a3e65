package com.relationship.infra.embedded;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class EmbeddedKafkaTest {

    private static final String TOPIC = "relationship.account-events.v1";

    @Test
    void aRecordProducedBeforeARestartIsReadAfterIt(@TempDir Path logDir) throws Exception {
        Set<Thread> threadsBefore = liveNonDaemonThreads();

        try (EmbeddedKafka kafka = EmbeddedKafka.start(logDir, 0)) {
            assertThat(kafka.createTopic(TOPIC, 3, false)).isTrue();
            try (KafkaProducer<String, String> producer = producer(kafka.bootstrapServers())) {
                producer.send(new ProducerRecord<>(TOPIC, "acc-1", "AccountRegistered")).get();
            }
            assertThat(readAll(kafka.bootstrapServers(), TOPIC, 1)).containsExactly("acc-1=AccountRegistered");
        }

        int port = FreePort.pick();
        try (EmbeddedKafka restarted = EmbeddedKafka.start(logDir, port)) {
            assertThat(restarted.bootstrapServers()).isEqualTo("127.0.0.1:" + port);
            assertThat(restarted.createTopic(TOPIC, 3, false)).as("topic kept across the restart").isFalse();
            assertThat(readAll(restarted.bootstrapServers(), TOPIC, 1)).containsExactly("acc-1=AccountRegistered");
        }

        // Closing must stop every thread the broker started, or a launcher's JVM would never exit.
        await().pollInSameThread().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(names(liveNonDaemonThreads(), threadsBefore)).isEmpty());
    }

    @Test
    void createsCompactedTopicsWithTheRequestedPartitions(@TempDir Path logDir) throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(logDir, 0);
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            assertThat(kafka.createTopic("relationship.account-status.v1", 12, true)).isTrue();
            assertThat(kafka.createTopic("relationship.account-status.v1", 12, true)).isFalse();

            TopicDescription description = admin.describeTopics(List.of("relationship.account-status.v1"))
                    .allTopicNames().get().get("relationship.account-status.v1");
            assertThat(description.partitions()).hasSize(12);
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, "relationship.account-status.v1");
            assertThat(admin.describeConfigs(List.of(resource)).all().get().get(resource).get("cleanup.policy").value())
                    .isEqualTo("compact");
        }
    }

    @Test
    void ensuringATopicGivesAnExistingOneTheSettingsItLacks(@TempDir Path logDir) throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(logDir, 0);
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            assertThat(kafka.createTopic("history", 3, false)).isTrue(); // made before retention was set
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, "history");

            assertThat(kafka.ensureTopic("history", 6, Map.of("retention.ms", "-1"))).as("keeps its partitions").isEqualTo(3);

            assertThat(admin.describeConfigs(List.of(resource)).all().get().get(resource).get("retention.ms").value())
                    .isEqualTo("-1");
            assertThat(kafka.ensureTopic("fresh", 6, Map.of("retention.ms", "-1"))).isEqualTo(6);
        }
    }

    private static KafkaProducer<String, String> producer(String bootstrapServers) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer());
    }

    /** Reads the topic from the start with a fresh group until {@code expected} records have arrived. */
    private static List<String> readAll(String bootstrapServers, String topic, int expected) {
        List<String> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            // Same thread: a KafkaConsumer belongs to the thread that uses it.
            await().pollInSameThread().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    seen.add(record.key() + "=" + record.value());
                }
                return seen.size() >= expected;
            });
        }
        return seen;
    }

    private static Set<Thread> liveNonDaemonThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && !thread.isDaemon())
                .collect(Collectors.toSet());
    }

    private static List<String> names(Set<Thread> now, Set<Thread> before) {
        return now.stream().filter(thread -> !before.contains(thread)).map(Thread::getName).toList();
    }
}
