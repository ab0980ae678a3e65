package com.relationship.localstack;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the launcher runs, where, and on which ports. Each setting is a system property
 * ({@code -Dlocalstack.kafka-port=19092}) or the matching environment variable
 * ({@code LOCALSTACK_KAFKA_PORT=19092}); the system property wins.
 */
public record LocalStackConfig(
        Path dataDir,
        int mongoPort,
        int kafkaPort,
        int relationshipPort,
        int projectionPort,
        Path servicesDir,
        Duration startupTimeout,
        boolean infraOnly,
        String serviceHeap,
        boolean acknowledgeOnDisk,
        InetAddress bindAddress) {

    public static final String DATA_DIR = "localstack.data-dir";
    public static final String MONGO_PORT = "localstack.mongo-port";
    public static final String KAFKA_PORT = "localstack.kafka-port";
    public static final String RELATIONSHIP_PORT = "localstack.relationship-port";
    public static final String PROJECTION_PORT = "localstack.projection-port";
    public static final String SERVICES_DIR = "localstack.services-dir";
    public static final String STARTUP_TIMEOUT_SECONDS = "localstack.startup-timeout-seconds";
    public static final String INFRA_ONLY = "localstack.infra-only";
    public static final String INFRA_ONLY_ARG = "--infra-only";
    public static final String SERVICE_HEAP = "localstack.service-heap";
    /**
     * Off only to measure what durability costs (the benchmarks): the store then writes its file about
     * once a second and a kill loses the last acknowledged writes.
     */
    public static final String ACKNOWLEDGE_ON_DISK = "localstack.acknowledge-on-disk";
    /** Enough for both services with a few thousand accounts each; -Xmx syntax. */
    static final String DEFAULT_SERVICE_HEAP = "768m";
    /**
     * The address both services listen on ({@code server.address}). Loopback by default: the local
     * stack is for the developer's machine, and a service on every interface would be open to the
     * whole network. MongoDB and Kafka listen on 127.0.0.1 whatever it says.
     */
    public static final String BIND_ADDRESS = "localstack.bind-address";
    static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";

    public LocalStackConfig {
        if (!serviceHeap.matches("[1-9][0-9]*[kKmMgG]?")) {
            throw new IllegalArgumentException(SERVICE_HEAP + " (env " + envName(SERVICE_HEAP) + ") is '" + serviceHeap
                    + "' but must be a heap size such as 768m or 2g");
        }
    }

    /** The default heap per service, on loopback. */
    public LocalStackConfig(Path dataDir, int mongoPort, int kafkaPort, int relationshipPort, int projectionPort,
                            Path servicesDir, Duration startupTimeout, boolean infraOnly) {
        this(dataDir, mongoPort, kafkaPort, relationshipPort, projectionPort, servicesDir, startupTimeout, infraOnly,
                DEFAULT_SERVICE_HEAP, true,
                new Settings(Map.of(), Map.of()).address(BIND_ADDRESS, DEFAULT_BIND_ADDRESS));
    }

    /** Where the build copies the services' jars, for a launcher started from the IDE in the repo root. */
    static final Path SERVICES_DIR_IN_REPO = Path.of("deploy", "local-stack", "target", "services");

    /** Reads this JVM's system properties and environment. */
    public static LocalStackConfig fromEnvironment(String[] args) {
        @SuppressWarnings({"unchecked", "rawtypes"})
        Map<String, String> properties = (Map) System.getProperties();
        return parse(List.of(args), properties, System.getenv(), System.getProperty("java.class.path", ""));
    }

    static LocalStackConfig parse(List<String> args, Map<String, String> properties, Map<String, String> env, String classPath) {
        for (String arg : args) {
            if (!arg.equals(INFRA_ONLY_ARG)) {
                throw new IllegalArgumentException("unknown argument '" + arg + "'; the only one is " + INFRA_ONLY_ARG
                        + " (settings are -D" + DATA_DIR + "=... style system properties or LOCALSTACK_* variables)");
            }
        }
        Settings settings = new Settings(properties, env);
        return new LocalStackConfig(
                Path.of(settings.get(DATA_DIR, "data")).toAbsolutePath().normalize(),
                settings.port(MONGO_PORT, 27017),
                settings.port(KAFKA_PORT, 9092),
                settings.port(RELATIONSHIP_PORT, 8080),
                settings.port(PROJECTION_PORT, 8081),
                Path.of(settings.get(SERVICES_DIR, defaultServicesDir(classPath).toString())).toAbsolutePath().normalize(),
                Duration.ofSeconds(settings.positiveInt(STARTUP_TIMEOUT_SECONDS, 180)),
                args.contains(INFRA_ONLY_ARG) || Boolean.parseBoolean(settings.get(INFRA_ONLY, "false")),
                settings.get(SERVICE_HEAP, DEFAULT_SERVICE_HEAP),
                Boolean.parseBoolean(settings.get(ACKNOWLEDGE_ON_DISK, "true")),
                settings.address(BIND_ADDRESS, DEFAULT_BIND_ADDRESS));
    }

    /**
     * {@code services/} beside the launcher's jar: with {@code java -jar x.jar} the class path is
     * exactly that jar. Started any other way (an IDE), the build's output directory in the repo.
     */
    static Path defaultServicesDir(String classPath) {
        if (classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator)) {
            Path jarDir = Path.of(classPath).toAbsolutePath().getParent();
            return jarDir.resolve("services");
        }
        return SERVICES_DIR_IN_REPO;
    }

    public Path mongoStoreFile() {
        return dataDir.resolve("mongo").resolve("mongo.mv.db");
    }

    public Path kafkaLogDir() {
        return dataDir.resolve("kafka");
    }

    /** The key pair the local tokens are signed with and the services trust (see {@link LocalTokens}). */
    public Path keysDir() {
        return dataDir.resolve("keys");
    }

    /** Where the launcher probes a service: the address it listens on, or 127.0.0.1 when that is every interface. */
    String probeHost() {
        if (bindAddress.isAnyLocalAddress()) {
            return DEFAULT_BIND_ADDRESS;
        }
        return bindAddress instanceof Inet6Address ? "[" + bindAddress.getHostAddress() + "]" : bindAddress.getHostAddress();
    }

    /**
     * The host of the URLs the banner prints: {@code localhost} wherever it reaches the services, as the
     * dashboard's own sign-in wants a loopback name; the address itself when only that reaches them.
     */
    String browserHost() {
        return bindAddress.isAnyLocalAddress() || bindAddress.isLoopbackAddress() ? "localhost" : probeHost();
    }

    /** {@code localstack.kafka-port} → {@code LOCALSTACK_KAFKA_PORT}. */
    static String envName(String property) {
        return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private record Settings(Map<String, String> properties, Map<String, String> env) {

        String get(String property, String defaultValue) {
            String value = properties.get(property);
            if (value == null || value.isBlank()) {
                value = env.get(envName(property));
            }
            return value == null || value.isBlank() ? defaultValue : value.trim();
        }

        int port(String property, int defaultValue) {
            int port = positiveInt(property, defaultValue);
            if (port > 65535) {
                throw invalid(property, String.valueOf(port), "a port between 1 and 65535");
            }
            return port;
        }

        int positiveInt(String property, int defaultValue) {
            String value = get(property, String.valueOf(defaultValue));
            try {
                int parsed = Integer.parseInt(value);
                if (parsed > 0) {
                    return parsed;
                }
            } catch (NumberFormatException e) {
                // reported below with the setting's name
            }
            throw invalid(property, value, "a positive whole number");
        }

        /** An IP address or a name of this machine; a name is resolved once, here. */
        InetAddress address(String property, String defaultValue) {
            String value = get(property, defaultValue);
            try {
                return InetAddress.getByName(value);
            } catch (UnknownHostException e) {
                throw invalid(property, value, "an address of this machine, such as 127.0.0.1 (the default) or 0.0.0.0"
                        + " (every interface)");
            }
        }

        private static IllegalArgumentException invalid(String property, String value, String expected) {
            return new IllegalArgumentException(property + " (env " + envName(property) + ") is '" + value
                    + "' but must be " + expected);
        }
    }
}
