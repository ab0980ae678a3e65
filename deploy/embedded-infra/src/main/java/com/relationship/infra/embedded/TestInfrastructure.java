package com.relationship.infra.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;

/**
 * One {@link Infrastructure} per JVM for all test classes: starting Kafka costs seconds, so it is
 * started once, on first use, and stopped by a shutdown hook when the test JVM exits.
 * <p>
 * System property {@value #KIND_PROPERTY} chooses the kind: {@code embedded} (default, works without
 * Docker) or {@code containers} (Testcontainers; needs Docker and the Testcontainers jars).
 */
public final class TestInfrastructure {

    public static final String KIND_PROPERTY = "infra";

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);
    private static Infrastructure shared;

    private TestInfrastructure() {
    }

    public enum Kind {
        EMBEDDED, CONTAINERS;

        static Kind parse(String value) {
            if (value == null || value.isBlank()) {
                return EMBEDDED;
            }
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("-D" + KIND_PROPERTY + "=" + value
                        + " is not a kind of infrastructure; use 'embedded' or 'containers'", e);
            }
        }
    }

    /** The kind {@link #shared()} starts, from system property {@value #KIND_PROPERTY}. */
    public static Kind kind() {
        return Kind.parse(System.getProperty(KIND_PROPERTY));
    }

    /** The JVM-wide instance, started on the first call. Do not close it: the shutdown hook does. */
    public static synchronized Infrastructure shared() {
        if (shared == null) {
            long started = System.nanoTime();
            Infrastructure infrastructure = start(kind());
            log.info("Test infrastructure {} started in {} ms", infrastructure, (System.nanoTime() - started) / 1_000_000);
            Runtime.getRuntime().addShutdownHook(new Thread(infrastructure::close, "test-infrastructure-shutdown"));
            shared = infrastructure;
        }
        return shared;
    }

    static Infrastructure start(Kind kind) {
        return switch (kind) {
            case EMBEDDED -> EmbeddedInfrastructure.start();
            case CONTAINERS -> {
                requireTestcontainers();
                yield ContainerInfrastructure.start();
            }
        };
    }

    private static void requireTestcontainers() {
        try {
            Class.forName("org.testcontainers.DockerClientFactory");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("-D" + KIND_PROPERTY + "=containers needs Testcontainers on the test classpath:"
                    + " add org.testcontainers:testcontainers-mongodb and testcontainers-kafka (test scope)", e);
        }
    }
}
