package com.relationship.projection.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What /v3/api-docs and the Swagger UI say about this API. */
@Configuration(proxyBeanMethods = false)
public class ApiDocumentation {

    private static final String BEARER = "bearer";

    @Bean
    OpenAPI projectionServiceApi(@Value("${spring.application.version:0.1.0}") String version) {
        return new OpenAPI().components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("A JWT from the configured identity provider (locally: the local stack's token"
                                + " command), with the roles this service checks in its roles claim: reader, admin.")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER))
                .info(new Info()
                .title("projection-service: account read models")
                .version(version)
                .description("""
                        Read models built from the account events on Kafka: each account's status (stage and since \
                        when, every stage period, KAM stage, purchases, open complaints), lists by stage, and the \
                        funnel. Eventually consistent with relationship-service: compare an account's \
                        lastAppliedSequence with a command's version. Every call needs a bearer token (a JWT): reader for \
                        the read models, admin for re-driving dead letters. Errors are RFC 9457 \
                        application/problem+json: 401 token missing, invalid or expired (with the reason), 403 role \
                        missing (naming it)."""));
    }
}
