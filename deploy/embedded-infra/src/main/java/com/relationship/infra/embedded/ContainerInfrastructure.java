package com.relationship.infra.embedded;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * Real MongoDB (a single-node replica set, so transactions and change streams work as in production)
 * and Apache Kafka (KRaft) in Docker containers. Needs Testcontainers on the classpath (an optional
 * dependency of this module) and a Docker engine.
 */
public final class ContainerInfrastructure implements Infrastructure {

    /** System properties that override the images, e.g. to test against another server version. */
    public static final String MONGO_IMAGE_PROPERTY = "infra.mongo-image";
    public static final String KAFKA_IMAGE_PROPERTY = "infra.kafka-image";
    static final String DEFAULT_MONGO_IMAGE = "mongo:8.0";
    /** The same Kafka release as the clients and the embedded broker (kafka.version in the root pom). */
    static final String DEFAULT_KAFKA_IMAGE = "apache/kafka:4.2.2";

    private final MongoDBContainer mongo;
    private final KafkaContainer kafka;

    private ContainerInfrastructure(MongoDBContainer mongo, KafkaContainer kafka) {
        this.mongo = mongo;
        this.kafka = kafka;
    }

    /** Starts both containers in parallel. */
    public static ContainerInfrastructure start() {
        MongoDBContainer mongo = new MongoDBContainer(System.getProperty(MONGO_IMAGE_PROPERTY, DEFAULT_MONGO_IMAGE))
                .withReplicaSet();
        KafkaContainer kafka = new KafkaContainer(System.getProperty(KAFKA_IMAGE_PROPERTY, DEFAULT_KAFKA_IMAGE));
        try {
            Startables.deepStart(mongo, kafka).join();
        } catch (RuntimeException e) {
            kafka.stop();
            mongo.stop();
            throw e;
        }
        return new ContainerInfrastructure(mongo, kafka);
    }

    @Override
    public String mongoUri() {
        return mongo.getConnectionString();
    }

    @Override
    public String mongoUri(String database) {
        return mongo.getReplicaSetUrl(database);
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public void close() {
        try {
            kafka.stop();
        } finally {
            mongo.stop();
        }
    }

    @Override
    public String toString() {
        return "containers(mongo=" + mongoUri() + ", kafka=" + kafkaBootstrapServers() + ")";
    }
}
