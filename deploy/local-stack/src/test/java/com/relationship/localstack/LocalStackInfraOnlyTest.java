package com.relationship.localstack;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.relationship.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** What "running it again keeps every account and event" rests on, without the services. */
class LocalStackInfraOnlyTest {

    private final PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    @Test
    void aSecondRunOnTheSameDataDirKeepsDocumentsTopicsAndRecords(@TempDir Path dataDir) throws Exception {
        LocalStackConfig config = infraOnly(dataDir);

        try (LocalStack stack = new LocalStack(config, out)) {
            stack.start();
            LocalInfrastructure infrastructure = stack.infrastructure();
            try (MongoClient client = MongoClients.create(infrastructure.mongoUri("relationship"))) {
                client.getDatabase("relationship").getCollection("accounts")
                        .insertOne(new Document("_id", "acc-1").append("stage", "PROSPECT"));
            }
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                    Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers()),
                    new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>(Topics.ACCOUNT_EVENTS, "acc-1", "AccountRegistered")).get();
            }
        }
        assertThat(config.mongoStoreFile()).isRegularFile();

        try (LocalStack stack = new LocalStack(config, out)) {
            stack.start();
            LocalInfrastructure infrastructure = stack.infrastructure();
            try (MongoClient client = MongoClients.create(infrastructure.mongoUri())) {
                MongoCollection<Document> accounts = client.getDatabase("relationship").getCollection("accounts");
                assertThat(accounts.find(new Document("_id", "acc-1")).first()).containsEntry("stage", "PROSPECT");
            }
            assertThat(readEvents(infrastructure.kafkaBootstrapServers())).containsExactly("acc-1=AccountRegistered");
            assertTopics(infrastructure.kafkaBootstrapServers());
        }
    }

    @Test
    void aSecondStackOnTheSamePortsIsRefusedWithTheSettingToChange(@TempDir Path dataDir) {
        LocalStackConfig config = infraOnly(dataDir);
        try (LocalStack first = new LocalStack(config, out)) {
            first.start();
            LocalStack second = new LocalStack(config, out);

            assertThatThrownBy(second::start).hasMessageContaining("-Dlocalstack.mongo-port=PORT");
            assertThat(second.infrastructure()).as("nothing started").isNull();
        }
    }

    private static LocalStackConfig infraOnly(Path dataDir) {
        return new LocalStackConfig(dataDir, freePort(), freePort(), freePort(), freePort(),
                dataDir.resolve("services"), Duration.ofSeconds(30), true);
    }

    private static void assertTopics(String bootstrapServers) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            var topics = admin.describeTopics(List.of(Topics.ACCOUNT_EVENTS, Topics.ACCOUNT_STATUS,
                    LocalInfrastructure.DEAD_LETTERS)).allTopicNames().get();
            assertThat(topics.values()).allSatisfy(topic -> assertThat(topic.partitions()).hasSize(Topics.PARTITIONS));

            ConfigResource status = new ConfigResource(ConfigResource.Type.TOPIC, Topics.ACCOUNT_STATUS);
            ConfigResource events = new ConfigResource(ConfigResource.Type.TOPIC, Topics.ACCOUNT_EVENTS);
            ConfigResource deadLetters = new ConfigResource(ConfigResource.Type.TOPIC, LocalInfrastructure.DEAD_LETTERS);
            var configs = admin.describeConfigs(List.of(status, events, deadLetters)).all().get();
            assertThat(configs.get(status).get("cleanup.policy").value()).isEqualTo("compact");
            for (ConfigResource history : List.of(events, deadLetters)) {
                assertThat(configs.get(history).get("cleanup.policy").value()).isEqualTo("delete");
                assertThat(configs.get(history).get("retention.ms").value()).as("%s keeps everything", history.name())
                        .isEqualTo("-1");
            }
        }
    }

    private static List<String> readEvents(String bootstrapServers) {
        List<String> seen = new ArrayList<>();
        // Assigned, not subscribed: no consumer group to form, which keeps this test a few seconds shorter.
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(consumer.partitionsFor(Topics.ACCOUNT_EVENTS).stream()
                    .map(partition -> new TopicPartition(partition.topic(), partition.partition()))
                    .toList());
            await().pollInSameThread().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> seen.add(record.key() + "=" + record.value()));
                return !seen.isEmpty();
            });
        }
        return seen;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
