package com.relationship.localstack;

import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The running system: infrastructure first, then the services. {@link #close()} may come from the
 * Ctrl-C shutdown hook at any moment, even half-way through {@link #start()}, and stops whatever is
 * running in reverse order: services (graceful, up to 30 s), then Kafka, then Mongo.
 */
final class LocalStack implements AutoCloseable {

    static final Duration SERVICE_STOP_GRACE = Duration.ofSeconds(30);

    private final LocalStackConfig config;
    private final PrintStream out;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final List<ServiceProcess> services = new ArrayList<>();
    private LocalInfrastructure infrastructure;
    private boolean closing;

    LocalStack(LocalStackConfig config, PrintStream out) {
        this.config = config;
        this.out = out;
    }

    /**
     * Starts everything the config asks for and returns when all of it is ready. A start that fails stops
     * what it had started before it throws: an embedded Kafka left running in a test JVM outlives the
     * test's data directory, finds its log directory gone and halts that whole JVM.
     */
    void start() {
        try {
            startAll();
        } catch (RuntimeException e) {
            if (!isClosing()) {
                close();
            }
            throw e;
        }
    }

    private void startAll() {
        PortCheck.requireFree(portsToCheck());
        // Resolve the jars before starting anything, so a missing build fails in a second, not after Kafka.
        Map<String, Path> jars = config.infraOnly() ? Map.of() : Map.of(
                "relationship", ServiceJars.find(config.servicesDir(), "relationship-service"),
                "projection", ServiceJars.find(config.servicesDir(), "projection-service"));

        // Before the services start: they read the public key once, at start-up.
        LocalTokens.ensureKeys(config.keysDir());
        long started = System.nanoTime();
        startInfrastructure();
        out.printf("Mongo and Kafka ready in %d ms (data in %s)%n", millisSince(started), config.dataDir());
        if (config.infraOnly()) {
            return;
        }

        // Both at once: each spends most of its start-up waiting on its own class loading and Mongo/Kafka.
        List<ServiceProcess> starting = List.of(
                // Exactly one writer here, so its aggregate cache cannot go stale (decision 0011); it saves
                // the embedded store's full scan on every command.
                startService("relationship", jars.get("relationship"), config.relationshipPort(), "relationship",
                        "--relationship.event-store.aggregate-cache=true"),
                startService("projection", jars.get("projection"), config.projectionPort(), "projection",
                        // Its status publishes are Kafka transactions: a stable id lets a restart abort what
                        // a killed run left open at once, instead of after the transaction timeout.
                        "--spring.kafka.producer.transaction-id-prefix=local-projection-tx-",
                        // The dashboard signs in by itself here, with a reader token minted at each start.
                        "--projection.dashboard.sign-in=local",
                        "--projection.dashboard.local-token-file=" + LocalTokens.dashboardToken(config.keysDir())));
        for (ServiceProcess service : starting) {
            service.awaitReady(config.startupTimeout());
            out.printf("%s ready after %d ms%n", service.prefix().trim(), millisSince(started));
        }
    }

    // Each start step holds the lock, so a close() from the shutdown hook waits for a step in flight
    // instead of returning (and letting the JVM halt) while Kafka or a child is half-started.

    private synchronized void startInfrastructure() {
        requireNotClosing();
        infrastructure = LocalInfrastructure.start(
                config.mongoStoreFile(), config.mongoPort(), config.kafkaLogDir(), config.kafkaPort(),
                config.acknowledgeOnDisk());
        if (!config.acknowledgeOnDisk()) {
            out.println("WARNING: " + LocalStackConfig.ACKNOWLEDGE_ON_DISK + "=false: a kill loses the last acknowledged"
                    + " writes (for measuring only)");
        }
    }

    private synchronized ServiceProcess startService(String name, Path jar, int port, String database, String... more) {
        requireNotClosing();
        List<String> args = serviceArguments(infrastructure, config.keysDir(), config.bindAddress(), port, database,
                List.of(more));
        ServiceProcess service = ServiceProcess.start(name, ServiceProcess.javaJarCommand(jar, args, config.serviceHeap()),
                config.probeHost(), port, out);
        services.add(service);
        return service;
    }

    /**
     * A service's arguments on this infrastructure: its port, its MongoDB database, the Kafka broker, then
     * {@code more}, the address it listens on and the keys it trusts. The one place they are built, for
     * the launcher and for tests that start services.
     */
    static List<String> serviceArguments(LocalInfrastructure infrastructure, Path keysDir, InetAddress bindAddress,
                                         int port, String database, List<String> more) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--spring.mongodb.uri=" + infrastructure.mongoUri(database),
                "--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers()));
        args.addAll(more);
        args.add("--server.address=" + bindAddress.getHostAddress());
        args.addAll(LocalTokens.serviceArguments(keysDir));
        return args;
    }

    private void requireNotClosing() {
        if (closing) {
            throw new StoppedDuringStartup();
        }
    }

    private Map<Integer, String> portsToCheck() {
        Map<Integer, String> ports = new LinkedHashMap<>();
        ports.put(config.mongoPort(), LocalStackConfig.MONGO_PORT);
        ports.put(config.kafkaPort(), LocalStackConfig.KAFKA_PORT);
        if (!config.infraOnly()) {
            ports.put(config.relationshipPort(), LocalStackConfig.RELATIONSHIP_PORT);
            ports.put(config.projectionPort(), LocalStackConfig.PROJECTION_PORT);
        }
        return ports;
    }

    synchronized LocalInfrastructure infrastructure() {
        return infrastructure;
    }

    LocalStackConfig config() {
        return config;
    }

    synchronized boolean isClosing() {
        return closing;
    }

    /** Blocks until {@link #close()} has finished. */
    void awaitClosed() throws InterruptedException {
        closed.await();
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closing) {
                return;
            }
            closing = true;
        }
        try {
            stopServices();
            LocalInfrastructure started = infrastructure();
            if (started != null) {
                out.println("Stopping Kafka and Mongo...");
                started.close();
                out.println("Local stack stopped; data kept in " + config.dataDir());
            }
        } finally {
            closed.countDown();
        }
    }

    private void stopServices() {
        List<ServiceProcess> running;
        synchronized (this) {
            running = new ArrayList<>(services);
        }
        if (running.isEmpty()) {
            return;
        }
        out.println("Stopping services...");
        // Reverse start order; SIGTERM to all first so their graceful shutdowns overlap.
        Collections.reverse(running);
        running.forEach(ServiceProcess::requestStop);
        running.forEach(service -> service.awaitStopped(SERVICE_STOP_GRACE));
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    /** Start-up was cut short by {@link #close()} (Ctrl-C); not an error to report. */
    static final class StoppedDuringStartup extends RuntimeException {
        StoppedDuringStartup() {
            super("stopped during start-up", null, false, false);
        }
    }
}
