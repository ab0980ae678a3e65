package com.relationship.service.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What /v3/api-docs and the Swagger UI say about this API. */
@Configuration(proxyBeanMethods = false)
public class ApiDocumentation {

    @Bean
    OpenAPI relationshipServiceApi(@Value("${spring.application.version:0.1.0}") String version) {
        return new OpenAPI().info(new Info()
                .title("relationship-service: account lifecycle commands")
                .version(version)
                .description("""
                        Commands that move B2B accounts along the loyalty lifecycle (prospect → customer → client → \
                        supporter → advocate → partner) and the Key Account Management track. Every accepted command \
                        answers the account id and its new version (the sequence number of its last event). Send \
                        X-Actor (who is asking) and optionally X-Correlation-Id. Errors are RFC 9457 \
                        application/problem+json: 400 malformed, 404 unknown account, 409 refused by a domain rule \
                        (type /problems/<rule>), 422 invalid field, 503 event store unavailable."""));
    }
}
