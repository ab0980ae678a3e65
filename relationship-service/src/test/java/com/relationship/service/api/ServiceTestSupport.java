package com.relationship.service.api;

import com.relationship.contracts.Topics;
import com.relationship.infra.embedded.ContainerInfrastructure;
import com.relationship.infra.embedded.Infrastructure;
import com.relationship.infra.embedded.TestInfrastructure;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Points a service under test at the JVM's shared MongoDB and Kafka (embedded, or containers with -Dinfra=containers). */
public final class ServiceTestSupport {

    private ServiceTestSupport() {
    }

    private static Infrastructure containers;

    /** The JVM's shared infrastructure: embedded unless -Dinfra=containers. */
    public static Infrastructure infrastructure(DynamicPropertyRegistry registry) {
        return pointAt(TestInfrastructure.shared(), registry);
    }

    /** MongoDB and Kafka in Docker containers, started once per JVM; only call where Docker is available. */
    public static synchronized Infrastructure containers(DynamicPropertyRegistry registry) {
        if (containers == null) {
            containers = ContainerInfrastructure.start();
            Runtime.getRuntime().addShutdownHook(new Thread(containers::close, "containers-shutdown"));
        }
        return pointAt(containers, registry);
    }

    private static Infrastructure pointAt(Infrastructure infrastructure, DynamicPropertyRegistry registry) {
        infrastructure.createTopic(Topics.ACCOUNT_EVENTS, Topics.PARTITIONS, false);
        registry.add("spring.mongodb.uri", () -> infrastructure.mongoUri("relationship"));
        registry.add("spring.kafka.bootstrap-servers", infrastructure::kafkaBootstrapServers);
        return infrastructure;
    }
}
