package com.relationship.localstack;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.relationship.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.bson.types.Binary;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * What the relay before issue 24 left behind, made by hand on a stopped stack's MongoDB and Kafka: an
 * account whose events are all stored, whose later events are on the events topic, whose relay position
 * is past them, and whose registration (sequence 0) never reached the topic. Each is a copy of a real
 * account ({@code source}), its id and event ids replaced, in the store and on the topic alike.
 */
final class SkippedRegistrations {

    private static final String EVENTS = "domainevents";
    private static final String POSITIONS = "relay_positions";

    private SkippedRegistrations() {
    }

    /** Makes {@code count} such accounts from {@code source}; answers their ids. */
    static List<String> make(String mongoUri, String kafkaBootstrapServers, String source, int count) throws Exception {
        List<byte[]> sourceRecords = recordsOf(kafkaBootstrapServers, source);
        List<String> made = new ArrayList<>();
        try (MongoClient mongo = MongoClients.create(mongoUri);
             KafkaProducer<String, byte[]> producer = producer(kafkaBootstrapServers)) {
            MongoCollection<Document> events = mongo.getDatabase("relationship").getCollection(EVENTS);
            List<Document> stored = events.find(new Document("aggregateIdentifier", source))
                    .sort(Sorts.ascending("sequenceNumber")).into(new ArrayList<>());
            for (int i = 0; i < count; i++) {
                String account = UUID.randomUUID().toString();
                Map<String, String> ids = new HashMap<>();
                ids.put(source, account);
                stored.forEach(event -> ids.put(event.getString("eventIdentifier"), UUID.randomUUID().toString()));
                for (Document event : stored) {
                    Document copy = new Document();
                    event.forEach((field, value) -> copy.put(field, replaced(value, ids)));
                    copy.remove("_id");
                    events.insertOne(copy);
                }
                long last = stored.size() - 1;
                for (byte[] record : sourceRecords.subList(1, sourceRecords.size())) {
                    producer.send(new ProducerRecord<>(Topics.ACCOUNT_EVENTS, account,
                            replace(new String(record, StandardCharsets.UTF_8), ids).getBytes(StandardCharsets.UTF_8)))
                            .get(30, TimeUnit.SECONDS);
                }
                mongo.getDatabase("relationship").getCollection(POSITIONS).updateOne(new Document("_id", account),
                        new Document("$set", new Document("sequence", last)), new UpdateOptions().upsert(true));
                made.add(account);
            }
        }
        return made;
    }

    /** The source account's records on the topic, one per sequence, in sequence order. */
    private static List<byte[]> recordsOf(String kafkaBootstrapServers, String source) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<byte[]> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ACCOUNT_EVENTS, Duration.ofSeconds(10))
                    .stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            while (partitions.stream().anyMatch(p -> consumer.position(p, Duration.ofSeconds(10)) < end.get(p))) {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    if (source.equals(record.key())) {
                        records.add(record.value());
                    }
                });
            }
        }
        return records;
    }

    private static KafkaProducer<String, byte[]> producer(String kafkaBootstrapServers) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    private static Object replaced(Object value, Map<String, String> ids) {
        if (value instanceof String text) {
            return replace(text, ids);
        }
        if (value instanceof Binary binary) {
            return new Binary(replace(new String(binary.getData(), StandardCharsets.UTF_8), ids)
                    .getBytes(StandardCharsets.UTF_8));
        }
        return value;
    }

    private static String replace(String text, Map<String, String> ids) {
        String replaced = text;
        for (Map.Entry<String, String> id : ids.entrySet()) {
            replaced = replaced.replace(id.getKey(), id.getValue());
        }
        return replaced;
    }
}
