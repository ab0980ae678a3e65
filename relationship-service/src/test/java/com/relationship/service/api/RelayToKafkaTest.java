package com.relationship.service.api;

import com.relationship.contracts.Topics;
import com.relationship.contracts.events.AccountEventCodec;
import com.relationship.contracts.events.EnvelopedAccountEvent;
import com.relationship.contracts.events.LifecycleStageAdvanced;
import com.relationship.contracts.events.PurchaseRecorded;
import com.relationship.infra.embedded.Infrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every stored event reaches the topic, keyed by account, in order, as a CloudEvent with the audit extensions. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RelayToKafkaTest {

    private static Infrastructure infrastructure;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        infrastructure = ServiceTestSupport.infrastructure(registry);
    }

    @LocalServerPort
    int port;

    @Test
    void everyEventOfAnAccountArrivesInOrderAsACloudEvent() {
        Api api = new Api("http://127.0.0.1:" + port + "/api/v1", "bob@kam");
        String id = api.post("/accounts", Map.of("name", "Globex", "industry", "Energy", "employeeCount", 80,
                "region", "NA", "classification", "STRATEGIC")).body().get("accountId").asText();
        for (int i = 0; i < 3; i++) {
            api.post("/accounts/" + id + "/purchases", Map.of("amount", "10.00", "currency", "USD",
                    "occurredAt", "2026-02-01T00:00:00Z"));
        }
        api.post("/accounts/" + id + "/lifecycle/advance", Map.of("targetStage", "CUSTOMER"));
        api.post("/accounts/" + id + "/lifecycle/advance", Map.of("targetStage", "CLIENT"));
        api.post("/accounts/" + id + "/lifecycle/advance", Map.of("targetStage", "SUPPORTER")); // refused: no event

        AccountEventCodec codec = new AccountEventCodec();
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (record.key().equals(id)) {
                        records.add(record);
                    }
                });
                assertThat(records).hasSize(6);
            });
        }
        List<EnvelopedAccountEvent> events = records.stream().map(r -> codec.decode(r.value())).toList();
        assertThat(events).extracting(EnvelopedAccountEvent::sequence).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        assertThat(events).extracting(EnvelopedAccountEvent::type).containsExactly(
                "com.relationship.account.AccountRegistered.v1", "com.relationship.account.PurchaseRecorded.v1",
                "com.relationship.account.PurchaseRecorded.v1", "com.relationship.account.PurchaseRecorded.v1",
                "com.relationship.account.LifecycleStageAdvanced.v1", "com.relationship.account.LifecycleStageAdvanced.v1");
        assertThat(events).allSatisfy(event -> {
            assertThat(event.accountId().toString()).isEqualTo(id);
            assertThat(event.actor()).isEqualTo("bob@kam");
            assertThat(event.correlationId()).startsWith("test-");
            assertThat(event.causationId()).isNotBlank();
            assertThat(event.occurredAt()).isNotNull();
        });
        assertThat(events.get(1).event()).isInstanceOf(PurchaseRecorded.class);
        assertThat(((LifecycleStageAdvanced) events.get(5).event()).to().name()).isEqualTo("CLIENT");
        assertThat(records).allSatisfy(record -> assertThat(new String(record.headers().lastHeader("content-type").value(),
                StandardCharsets.UTF_8)).isEqualTo("application/cloudevents+json"));
        assertThat(records).extracting(ConsumerRecord::partition).containsOnly(records.get(0).partition());
    }

    private static KafkaConsumer<String, byte[]> consumer() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.ACCOUNT_EVENTS).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }
}
