package com.relationship.security;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * The {@value ProblemResponses#SCHEMA} schema in the OpenAPI document of every service that has springdoc;
 * each service's own {@link ProblemResponses#responses} customizer lists its operations' answers against it.
 */
@AutoConfiguration
@ConditionalOnClass(OpenApiCustomizer.class)
public class ProblemSchemaAutoConfiguration {

    @Bean
    OpenApiCustomizer problemSchema() {
        return ProblemResponses.problemSchema();
    }
}
