package com.relationship.projection.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What /v3/api-docs and the Swagger UI say about this API. */
@Configuration(proxyBeanMethods = false)
public class ApiDocumentation {

    @Bean
    OpenAPI projectionServiceApi(@Value("${spring.application.version:0.1.0}") String version) {
        return new OpenAPI().info(new Info()
                .title("projection-service: account read models")
                .version(version)
                .description("""
                        Read models built from the account events on Kafka: each account's status (stage and since \
                        when, every stage period, KAM stage, purchases, open complaints), lists by stage, and the \
                        funnel. Eventually consistent with relationship-service: compare an account's \
                        lastAppliedSequence with a command's version. Errors are RFC 9457 application/problem+json."""));
    }
}
