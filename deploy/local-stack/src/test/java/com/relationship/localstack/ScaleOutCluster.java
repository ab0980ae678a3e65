package com.relationship.localstack;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Several instances of each service as child JVMs on one embedded MongoDB and one Kafka broker
 * (the local stack's infrastructure, in this JVM). Every instance's command line is built here,
 * from the launcher's own {@link LocalStack#serviceArguments} and {@link ServiceProcess#javaJarCommand}.
 */
final class ScaleOutCluster implements AutoCloseable {

    /** Five service JVMs and Kafka share two cores: a small heap and the quick JIT only. */
    private static final String HEAP = "384m";
    private static final List<String> JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    static final Duration START_TIMEOUT = Duration.ofSeconds(240);

    private final LocalInfrastructure infrastructure;
    private final Path relationshipJar;
    private final Path projectionJar;
    private final Map<String, ServiceProcess> running = new ConcurrentHashMap<>();
    private final Map<String, Integer> ports = new ConcurrentHashMap<>();
    private final Path keysDir;
    private final String token;

    private ScaleOutCluster(LocalInfrastructure infrastructure, Path relationshipJar, Path projectionJar, Path keysDir) {
        this.infrastructure = infrastructure;
        this.relationshipJar = relationshipJar;
        this.projectionJar = projectionJar;
        LocalTokens.ensureKeys(keysDir);
        this.keysDir = keysDir;
        // One token for every request of the test: commands, the history (auditor), the read models, metrics (admin).
        this.token = LocalTokens.mint(this.keysDir, "scale-out-test", List.of("writer", "reader", "auditor", "admin"),
                Duration.ofHours(2)).jwt();
    }

    /** The bearer token every instance of this cluster accepts. */
    String token() {
        return token;
    }

    static ScaleOutCluster start(Path dataDir) {
        Path services = Path.of(System.getProperty(LocalStackConfig.SERVICES_DIR, "target/services"));
        Path relationshipJar = ServiceJars.find(services, "relationship-service");
        Path projectionJar = ServiceJars.find(services, "projection-service");
        LocalInfrastructure infrastructure = LocalInfrastructure.start(dataDir.resolve("mongo.mv"),
                SystemScenario.freePort(), dataDir.resolve("kafka"), SystemScenario.freePort(), true);
        return new ScaleOutCluster(infrastructure, relationshipJar, projectionJar, dataDir.resolve("keys"));
    }

    /**
     * relationship-service instance {@code name}: its own node id in the relay's claims, the aggregate
     * cache off (the default; several writers). A restart keeps the port and the node id.
     */
    ServiceProcess relationship(String name) {
        return launch(name, relationshipJar, "relationship", List.of(
                "--relationship.event-store.node-id=" + name,
                // A request killed with its instance holds its Idempotency-Key this long before a retry on
                // another instance may take it over (60 s by default; the test's clients retry sooner).
                "--relationship.api.idempotency-stale-after=15s"));
    }

    /** projection-service instance {@code name}: the shared consumer group, its own transactional id (PROJECTION_INSTANCE_ID). */
    ServiceProcess projection(String name) {
        return launch(name, projectionJar, "projection", List.of(
                "--spring.kafka.producer.transaction-id-prefix=" + name + "-tx-",
                // the group's members are named after their instance, so the test sees who holds a partition
                "--spring.kafka.consumer.client-id=" + name));
    }

    /**
     * A projection of its own (new consumer group, database and output topics) that folds the events
     * topic from the start: the fresh rebuild the live read models are compared with.
     */
    ServiceProcess rebuild(String name) {
        return launch(name, projectionJar, "projection-" + name, List.of(
                "--spring.kafka.producer.transaction-id-prefix=" + name + "-tx-",
                "--spring.kafka.consumer.group-id=" + name,
                "--projection.topics.status=" + name + ".status",
                "--projection.topics.dead-letter=" + name + ".DLT"));
    }

    private ServiceProcess launch(String name, Path jar, String database, List<String> more) {
        int port = ports.computeIfAbsent(name, n -> SystemScenario.freePort());
        List<String> args = LocalStack.serviceArguments(infrastructure, keysDir, InetAddress.getLoopbackAddress(), port,
                database, more);
        ServiceProcess service = ServiceProcess.start(name, ServiceProcess.javaJarCommand(jar, JVM_OPTIONS, args, HEAP),
                port, System.out);
        running.put(name, service);
        return service;
    }

    static void awaitReady(List<ServiceProcess> services) {
        services.forEach(service -> service.awaitReady(START_TIMEOUT));
    }

    String url(ServiceProcess service) {
        return "http://127.0.0.1:" + service.port();
    }

    String mongoUri() {
        return infrastructure.mongoUri();
    }

    String kafkaBootstrapServers() {
        return infrastructure.kafkaBootstrapServers();
    }

    @Override
    public void close() {
        List<ServiceProcess> all = new ArrayList<>(running.values());
        all.forEach(ServiceProcess::requestStop);
        all.forEach(service -> service.awaitStopped(Duration.ofSeconds(20)));
        infrastructure.close();
    }
}
