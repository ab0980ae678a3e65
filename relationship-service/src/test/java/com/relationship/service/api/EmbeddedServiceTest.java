package com.relationship.service.api;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service on the JVM's shared embedded infrastructure. Test classes that extend it share one
 * Spring context (same configuration, same property source), so each adds tests, not a context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class EmbeddedServiceTest {

    @DynamicPropertySource
    protected static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceTestSupport.infrastructure(registry);
    }
}
