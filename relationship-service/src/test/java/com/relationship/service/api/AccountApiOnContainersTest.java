package com.relationship.service.api;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The same write-side scenario on a MongoDB replica set and a Kafka broker in Docker; skipped where there is no Docker. */
@Testcontainers(disabledWithoutDocker = true)
class AccountApiOnContainersTest extends AccountApiScenario {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceTestSupport.containers(registry);
    }
}
