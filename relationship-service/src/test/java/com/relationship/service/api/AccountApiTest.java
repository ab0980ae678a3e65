package com.relationship.service.api;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The write-side scenario on the JVM's shared infrastructure: embedded by default (-Dinfra=containers for Docker). */
class AccountApiTest extends AccountApiScenario {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceTestSupport.infrastructure(registry);
    }
}
