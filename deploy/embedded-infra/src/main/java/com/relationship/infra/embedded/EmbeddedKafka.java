package com.relationship.infra.embedded;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A real Apache Kafka broker in KRaft mode (one node that is both broker and controller) running in
 * this JVM, listening on 127.0.0.1. Its log directory is formatted only the first time, so a broker
 * started again on the same directory keeps its topics, records and committed offsets.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final String HOST = "127.0.0.1";
    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    /** Written by the formatter into every formatted log dir; its presence means "do not format again". */
    private static final String META_PROPERTIES = "meta.properties";

    private final KafkaRaftServer server;
    private final int port;
    private final Path logDir;
    private boolean closed;

    private EmbeddedKafka(KafkaRaftServer server, int port, Path logDir) {
        this.server = server;
        this.port = port;
        this.logDir = logDir;
    }

    /**
     * Formats {@code logDir} if needed and starts the broker; returns once it accepts clients.
     *
     * @param port client port on 127.0.0.1, or 0 for a free one
     */
    public static EmbeddedKafka start(Path logDir, int port) {
        long started = System.nanoTime();
        Path dir = logDir.toAbsolutePath();
        int brokerPort = FreePort.orFree(port);
        // The controller port is internal. A static voter list (controller.quorum.voters) is read from
        // the config at each start, not from the log, so a different controller port after a restart is fine.
        int controllerPort = FreePort.pick();
        KafkaConfig config = new KafkaConfig(brokerProperties(dir, brokerPort, controllerPort), false);

        formatIfNew(dir, config);
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            server.startup();
        } catch (RuntimeException e) {
            server.shutdown();
            server.awaitShutdown();
            throw e;
        }
        EmbeddedKafka kafka = new EmbeddedKafka(server, brokerPort, dir);
        log.info("Kafka listening on {}, log in {}, started in {} ms",
                kafka.bootstrapServers(), dir, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return kafka;
    }

    static Properties brokerProperties(Path logDir, int brokerPort, int controllerPort) {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", String.valueOf(NODE_ID));
        props.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("listeners", "PLAINTEXT://" + HOST + ":" + brokerPort + "," + CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + brokerPort);
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("log.dirs", logDir.toString());
        props.put("metadata.log.dir", logDir.toString());

        // One node: every internal topic must be satisfiable with a single replica.
        props.put("default.replication.factor", "1");
        props.put("min.insync.replicas", "1");
        props.put("offsets.topic.replication.factor", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        // Fewer internal partitions than the defaults (50): creating them is what a first consumer
        // group or transaction waits for, and two cores make that noticeable.
        props.put("offsets.topic.num.partitions", "5");
        props.put("transaction.state.log.num.partitions", "5");
        // A lone consumer should not wait 3 s for company before it gets its partitions.
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("auto.create.topics.enable", "true");
        props.put("num.partitions", "1");

        // Sized for a laptop, not a data centre: the log cleaner otherwise reserves 128 MiB of heap.
        props.put("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024));
        props.put("num.network.threads", "2");
        props.put("num.io.threads", "4");
        return props;
    }

    private static void formatIfNew(Path dir, KafkaConfig config) {
        if (Files.exists(dir.resolve(META_PROPERTIES))) {
            log.info("Kafka log dir {} already formatted, keeping its data", dir);
            return;
        }
        try {
            Files.createDirectories(dir);
            new Formatter()
                    .setPrintStream(new PrintStream(PrintStream.nullOutputStream()))
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setDirectories(List.of(dir.toString()))
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .run();
            log.info("Formatted Kafka log dir {}", dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot format Kafka log dir " + dir, e);
        }
    }

    /** {@code 127.0.0.1:PORT}, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    public int port() {
        return port;
    }

    public Path logDir() {
        return logDir;
    }

    /**
     * Creates the topic unless it exists (replication factor 1).
     *
     * @param compacted {@code cleanup.policy=compact}, for topics that keep the latest value per key
     * @return true if it was created now, false if it already existed (its settings are left as they are)
     */
    public boolean createTopic(String name, int partitions, boolean compacted) {
        return KafkaTopics.createIfMissing(bootstrapServers(), name, partitions, compacted);
    }

    /**
     * Creates the topic (replication factor 1) with {@code configs}, or sets them again on the
     * existing topic.
     *
     * @return its partition count: an existing topic keeps its own
     */
    public int ensureTopic(String name, int partitions, Map<String, String> configs) {
        return KafkaTopics.ensure(bootstrapServers(), name, partitions, configs);
    }

    /** Controlled shutdown of broker then controller; returns when all their threads have stopped. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.shutdown();
        server.awaitShutdown();
        log.info("Kafka on port {} stopped", port);
    }
}
