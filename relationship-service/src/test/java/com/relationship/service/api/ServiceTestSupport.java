package com.relationship.service.api;

import com.relationship.contracts.Topics;
import com.relationship.infra.embedded.Infrastructure;
import com.relationship.infra.embedded.TestInfrastructure;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Points a service under test at the JVM's shared MongoDB and Kafka (embedded, or containers with -Dinfra=containers). */
public final class ServiceTestSupport {

    private ServiceTestSupport() {
    }

    public static Infrastructure infrastructure(DynamicPropertyRegistry registry) {
        Infrastructure infrastructure = TestInfrastructure.shared();
        infrastructure.createTopic(Topics.ACCOUNT_EVENTS, 12, false);
        registry.add("spring.mongodb.uri", () -> infrastructure.mongoUri("relationship"));
        registry.add("spring.kafka.bootstrap-servers", infrastructure::kafkaBootstrapServers);
        return infrastructure;
    }
}
