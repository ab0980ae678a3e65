package com.relationship.projection.web;

import com.relationship.security.ProblemResponses;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.LinkedHashMap;
import java.util.Map;

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
                .contact(new Contact().name("The relationship-lifecycle maintainers"))
                .license(new License().name("Proprietary"))
                .description("""
                        Read models built from the account events on Kafka: each account's status (stage and since \
                        when, every stage period, KAM stage, purchases, open complaints), lists by stage, and the \
                        funnel. Eventually consistent with relationship-service: compare an account's \
                        lastAppliedSequence with a command's version. Every call needs a bearer token (a JWT): reader for \
                        the read models, admin for re-driving dead letters. Errors are RFC 9457 \
                        application/problem+json: 401 token missing, invalid or expired (with the reason), 403 role \
                        missing (naming it)."""));
    }

    /**
     * Every operation's problem+json answers: the generic ones, and those of this service's operations
     * (the Problem schema they refer to comes from the security module's ProblemSchemaAutoConfiguration).
     */
    @Bean
    OperationCustomizer problemResponses() {
        return ProblemResponses.responses((handler, operation) -> {
            Map<Integer, String> errors = new LinkedHashMap<>();
            String path = ProblemResponses.path(handler);
            if (path.equals("/api/v1/dashboard/stream")) {
                errors.put(401, "The ticket is missing, used or expired (/problems/stream-ticket-invalid): ask"
                        + " POST /api/v1/dashboard/stream-tickets for a new one.");
                errors.put(429, "The token's subject holds projection.dashboard.streams-per-subject streams here"
                        + " (/problems/too-many-streams, with Retry-After).");
                errors.put(503, "This instance holds projection.dashboard.max-streams streams (/problems/too-many-streams)"
                        + " or is starting or stopping (/problems/stream-unavailable); with Retry-After.");
            } else if (path.equals("/api/v1/dashboard/stream-tickets")) {
                errors.put(429, "The token's subject took more tickets than projection.dashboard.ticket-rate allows"
                        + " (/problems/too-many-stream-tickets, with Retry-After).");
            } else if (path.equals("/api/v1/admin/churn-backtests") && handler.hasMethodAnnotation(PostMapping.class)) {
                errors.put(400, "The body is not the JSON it takes (/problems/malformed-request, saying where and"
                        + " what), or the backtest cannot run as asked (/problems/invalid-backtest: to before from, a step or horizon not positive,"
                        + " more than 240 cutoffs, a model version not known here), saying why.");
            } else if (path.startsWith("/api/v1/admin/rebuilds")) {
                if (handler.hasMethodAnnotation(PostMapping.class)) {
                    errors.put(409, "Another rebuild is running, or this one is not ready to swap: the problem says which.");
                }
                errors.put(503, "MongoDB or Kafka did not answer, or a swap step failed and was undone"
                        + " (/problems/rebuild-swap-failed): the read model is as it was; ask again.");
            } else if (handler.hasMethodAnnotation(GetMapping.class) || handler.hasMethodAnnotation(PostMapping.class)) {
                errors.put(503, "MongoDB did not answer (/problems/read-model-unavailable): ask again.");
            }
            return errors;
        });
    }

}
