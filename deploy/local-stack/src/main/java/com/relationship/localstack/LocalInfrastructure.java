package com.relationship.localstack;

import com.relationship.contracts.Topics;
import com.relationship.infra.embedded.EmbeddedKafka;
import com.relationship.infra.embedded.EmbeddedMongo;

import org.apache.kafka.common.config.TopicConfig;

import java.nio.file.Path;
import java.util.Map;

/**
 * Mongo (H2 file store) and Kafka with their data under one directory, so stopping and starting
 * again keeps every account, event and consumer offset.
 */
final class LocalInfrastructure implements AutoCloseable {

    /** The projection's dead letters (its default {@code projection.topics.dead-letter}). */
    static final String DEAD_LETTERS = Topics.ACCOUNT_EVENTS + ".DLT";
    /** The history every read model is rebuilt from: never deleted. */
    private static final Map<String, String> KEEP_EVERYTHING = Map.of(
            TopicConfig.RETENTION_MS_CONFIG, "-1", TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);
    /** The latest status per account is the whole value of this topic. */
    private static final Map<String, String> COMPACTED = Map.of(
            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);

    private final EmbeddedMongo mongo;
    private final EmbeddedKafka kafka;

    private LocalInfrastructure(EmbeddedMongo mongo, EmbeddedKafka kafka) {
        this.mongo = mongo;
        this.kafka = kafka;
    }

    static LocalInfrastructure start(Path mongoStoreFile, int mongoPort, Path kafkaLogDir, int kafkaPort,
                                     boolean acknowledgeOnDisk) {
        EmbeddedMongo mongo = EmbeddedMongo.persistent(mongoStoreFile, mongoPort, acknowledgeOnDisk);
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

    /** The same topics and settings as deploy/k8s/create-topics.sh, at replication factor 1. */
    private void createTopicsIfMissing() {
        kafka.ensureTopic(Topics.ACCOUNT_EVENTS, Topics.PARTITIONS, KEEP_EVERYTHING);
        kafka.ensureTopic(Topics.ACCOUNT_STATUS, Topics.PARTITIONS, COMPACTED);
        kafka.ensureTopic(DEAD_LETTERS, Topics.PARTITIONS, KEEP_EVERYTHING);
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
