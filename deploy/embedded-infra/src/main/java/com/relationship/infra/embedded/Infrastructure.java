package com.relationship.infra.embedded;

/**
 * A running MongoDB and Kafka for tests, whichever kind they are (in-process or Docker containers),
 * so the same test code runs on a machine with or without Docker.
 */
public interface Infrastructure extends AutoCloseable {

    /** Connection string without a database, e.g. {@code mongodb://127.0.0.1:PORT}. */
    String mongoUri();

    /** Connection string for one database, the form {@code spring.mongodb.uri} takes. */
    String mongoUri(String database);

    /** For {@code bootstrap.servers} / {@code spring.kafka.bootstrap-servers}. */
    String kafkaBootstrapServers();

    /**
     * Creates the topic (replication factor 1) unless it exists.
     *
     * @return true if created now, false if it already existed
     */
    default boolean createTopic(String name, int partitions, boolean compacted) {
        return KafkaTopics.createIfMissing(kafkaBootstrapServers(), name, partitions, compacted);
    }

    /** Stops both servers and drops their data. Never throws a checked exception. */
    @Override
    void close();
}
