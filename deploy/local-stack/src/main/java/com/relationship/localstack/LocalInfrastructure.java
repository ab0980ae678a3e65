package com.relationship.localstack;

import com.relationship.contracts.Topics;
import com.relationship.infra.embedded.EmbeddedKafka;
import com.relationship.infra.embedded.EmbeddedMongo;

import java.nio.file.Path;

/**
 * Mongo (H2 file store) and Kafka with their data under one directory, so stopping and starting
 * again keeps every account, event and consumer offset.
 */
final class LocalInfrastructure implements AutoCloseable {

    /** Room for parallel consumers per account key; changing it later re-keys nothing but needs a new topic. */
    static final int PARTITIONS = 12;

    private final EmbeddedMongo mongo;
    private final EmbeddedKafka kafka;

    private LocalInfrastructure(EmbeddedMongo mongo, EmbeddedKafka kafka) {
        this.mongo = mongo;
        this.kafka = kafka;
    }

    static LocalInfrastructure start(Path mongoStoreFile, int mongoPort, Path kafkaLogDir, int kafkaPort) {
        EmbeddedMongo mongo = EmbeddedMongo.persistent(mongoStoreFile, mongoPort);
        try {
            EmbeddedKafka kafka = EmbeddedKafka.start(kafkaLogDir, kafkaPort);
            LocalInfrastructure infrastructure = new LocalInfrastructure(mongo, kafka);
            infrastructure.createTopicsIfMissing();
            return infrastructure;
        } catch (RuntimeException e) {
            mongo.close();
            throw e;
        }
    }

    private void createTopicsIfMissing() {
        kafka.createTopic(Topics.ACCOUNT_EVENTS, PARTITIONS, false);
        // Compacted: the latest status per account is the whole value of this topic.
        kafka.createTopic(Topics.ACCOUNT_STATUS, PARTITIONS, true);
    }

    String mongoUri() {
        return mongo.connectionString();
    }

    String mongoUri(String database) {
        return mongo.connectionString(database);
    }

    String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** Kafka first (its shutdown is the slower one and nothing depends on Mongo), then Mongo's store. */
    @Override
    public void close() {
        try {
            kafka.close();
        } finally {
            mongo.close();
        }
    }
}
