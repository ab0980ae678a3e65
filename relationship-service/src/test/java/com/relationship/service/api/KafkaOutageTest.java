package com.relationship.service.api;

import com.relationship.contracts.Topics;
import com.relationship.contracts.events.AccountEventCodec;
import com.relationship.infra.embedded.EmbeddedKafka;
import com.relationship.infra.embedded.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kafka being down never refuses a command, and when Kafka is back every event arrives. Runs on
 * a Kafka broker of its own (stopped and restarted on the same log and port) and a database of
 * its own, so its outage does not disturb other tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.kafka.producer.properties.max.block.ms=2000",
                "spring.kafka.producer.properties.delivery.timeout.ms=5000",
                "spring.kafka.producer.properties.request.timeout.ms=2000",
                "relationship.relay.ack-timeout=6s"})
class KafkaOutageTest {

    @TempDir
    static Path kafkaLog;
    static int kafkaPort = freePort();
    static EmbeddedKafka kafka;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        kafka = EmbeddedKafka.start(kafkaLog, kafkaPort);
        kafka.createTopic(Topics.ACCOUNT_EVENTS, 3, false);
        registry.add("spring.mongodb.uri", () -> TestInfrastructure.shared().mongoUri("kafka-outage"));
        registry.add("spring.kafka.bootstrap-servers", kafka::bootstrapServers);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stopKafka() {
        kafka.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Test
    void commandsSucceedWhileKafkaIsDownAndEveryEventArrivesWhenItIsBack() {
        Api api = new Api("http://127.0.0.1:" + port + "/api/v1", "carol@ops");
        String id = api.post("/accounts", Map.of("name", "Initech", "industry", "Software", "employeeCount", 40,
                "region", "NA", "classification", "TACTICAL")).body().get("accountId").asText();
        await().atMost(Duration.ofSeconds(60)).until(() -> sequencesOnTopic(id).contains(0L));

        kafka.close();
        for (int i = 0; i < 5; i++) {
            Api.Reply reply = api.post("/accounts/" + id + "/purchases", Map.of("amount", "5.00", "currency", "EUR",
                    "occurredAt", "2026-02-01T00:00:00Z"));
            assertThat(reply.status()).as("a command while Kafka is down").isEqualTo(200);
        }
        assertThat(api.get("/accounts/" + id + "/events").body()).hasSize(6);
        // Keep Kafka down until the relay has given up on a batch, so the retry path is what delivers.
        await().atMost(Duration.ofSeconds(60)).until(() -> meters.counter("relationship.relay.failed.batches").count() >= 1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(relayLag("events")).as("events waiting for the relay").isGreaterThanOrEqualTo(5);
            assertThat(relayLag("seconds")).as("age of the relay's position").isPositive();
        });

        kafka = EmbeddedKafka.start(kafkaLog, kafkaPort);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(sequencesOnTopic(id)).containsExactlyElementsOf(
                        LongStream.rangeClosed(0, 5).boxed().toList()));
        await().atMost(Duration.ofSeconds(30)).until(() -> relayLag("events") == 0 && relayLag("seconds") == 0);
    }

    private double relayLag(String unit) {
        return meters.get("relationship.relay.lag." + unit).gauge().value();
    }

    /** The distinct sequence numbers of the account's events on the topic (redeliveries are allowed). */
    private SortedSet<Long> sequencesOnTopic(String accountId) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        AccountEventCodec codec = new AccountEventCodec();
        SortedSet<Long> sequences = new TreeSet<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ACCOUNT_EVENTS, Duration.ofSeconds(5))
                    .stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(5));
            while (partitions.stream().anyMatch(p -> consumer.position(p, Duration.ofSeconds(5)) < end.get(p))) {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    if (accountId.equals(record.key())) {
                        sequences.add(codec.decode(record.value()).sequence());
                    }
                });
            }
        }
        return sequences;
    }
}
