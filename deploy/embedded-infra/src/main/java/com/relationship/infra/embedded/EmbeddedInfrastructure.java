package com.relationship.infra.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** In-memory Mongo plus a Kafka broker whose log lives in a temporary directory deleted on close. */
public final class EmbeddedInfrastructure implements Infrastructure {

    private final EmbeddedMongo mongo;
    private final EmbeddedKafka kafka;
    private final Path kafkaDir;

    private EmbeddedInfrastructure(EmbeddedMongo mongo, EmbeddedKafka kafka, Path kafkaDir) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.kafkaDir = kafkaDir;
    }

    /** Both on free ports. */
    public static EmbeddedInfrastructure start() {
        Path kafkaDir;
        try {
            kafkaDir = Files.createTempDirectory("embedded-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        EmbeddedMongo mongo = EmbeddedMongo.inMemory(0);
        try {
            return new EmbeddedInfrastructure(mongo, EmbeddedKafka.start(kafkaDir, 0), kafkaDir);
        } catch (RuntimeException e) {
            mongo.close();
            deleteRecursively(kafkaDir);
            throw e;
        }
    }

    @Override
    public String mongoUri() {
        return mongo.connectionString();
    }

    @Override
    public String mongoUri(String database) {
        return mongo.connectionString(database);
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    public boolean createTopic(String name, int partitions, boolean compacted) {
        return kafka.createTopic(name, partitions, compacted);
    }

    @Override
    public void close() {
        try {
            kafka.close();
        } finally {
            mongo.close();
            deleteRecursively(kafkaDir);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover temp directory is harmless; never fail a test run over it.
        }
    }

    @Override
    public String toString() {
        return "embedded(mongo=" + mongoUri() + ", kafka=" + kafkaBootstrapServers() + ")";
    }
}
