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

import static com.relationship.security.ProblemResponses.answer;

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
            Map<Integer, ProblemResponses.Answer> errors = new LinkedHashMap<>();
            String path = ProblemResponses.path(handler);
            if (operation.getRequestBody() != null) {
                errors.put(415, answer("The body is not application/json: /problems/unsupported-media-type.", 415,
                        "unsupported-media-type", "Unsupported Media Type",
                        "Content-Type 'text/plain;charset=UTF-8' is not supported."));
            }
            if (path.equals("/api/v1/dashboard/stream")) {
                errors.put(401, answer("The ticket is missing, used or expired (/problems/stream-ticket-invalid): ask"
                        + " POST /api/v1/dashboard/stream-tickets for a new one.", 401, "stream-ticket-invalid",
                        "Stream ticket missing or spent", "This stream ticket was used or has expired: ask POST"
                                + " /api/v1/dashboard/stream-tickets for a new one."));
                errors.put(429, answer("The token's subject holds projection.dashboard.streams-per-subject streams here"
                        + " (/problems/too-many-streams, with Retry-After).", 429, "too-many-streams", "Too many streams",
                        "'dana@sales' holds 3 streams here already, the most one subject may: close one, or try"
                                + " again in 5 s.", "retryAfterSeconds", 5));
                errors.put(503, answer("This instance holds projection.dashboard.max-streams streams (/problems/too-many-streams)"
                        + " or is starting or stopping (/problems/stream-unavailable); with Retry-After.", 503,
                        "stream-unavailable", "Stream unavailable", "The dashboard stream is not running here (the"
                                + " instance is starting or stopping); reconnect in a moment."));
            } else if (path.equals("/api/v1/dashboard/stream-tickets")) {
                errors.put(429, answer("The token's subject took more tickets than projection.dashboard.ticket-rate allows"
                        + " (/problems/too-many-stream-tickets, with Retry-After).", 429, "too-many-stream-tickets",
                        "Too many stream tickets", "'dana@sales' took more than 10 stream tickets a minute: ask"
                                + " again in 6 s.", "retryAfterSeconds", 6));
            } else if (path.equals("/api/v1/admin/churn-backtests") && handler.hasMethodAnnotation(PostMapping.class)) {
                errors.put(400, answer("The body is not the JSON it takes (/problems/malformed-request, saying where and"
                        + " what), or the backtest cannot run as asked (/problems/invalid-backtest: to before from, a step or horizon not positive,"
                        + " more than 240 cutoffs, a model version not known here), saying why.", 400,
                        "invalid-backtest", "Backtest cannot run", "to (2026-01-01) is before from (2026-06-01):"
                                + " the cutoffs run from from to to."));
            } else if (path.startsWith("/api/v1/admin/rebuilds")) {
                if (handler.hasMethodAnnotation(PostMapping.class)) {
                    errors.put(409, answer("Another rebuild is running, or this one is not ready to swap: the problem says which.",
                            409, "rebuild-conflict", "Conflict", "Rebuild 5b2a4c1e-7d3f-4e8a-9c6b-0f1e2d3c4b5a is"
                                    + " still running: swap it once it has completed."));
                }
                errors.put(503, answer("MongoDB or Kafka did not answer, or a swap step failed and was undone"
                        + " (/problems/rebuild-swap-failed): the read model is as it was; ask again.", 503,
                        "rebuild-swap-failed", "Service Unavailable", "Nothing of account-status was swapped:"
                                + " Kafka did not take the offsets the rebuild read up to (timed out); nothing was"
                                + " renamed and the group's offsets are as before. Its listener goes on as before; ask"
                                + " for the swap again (the read models swapped before it stay swapped)."));
            } else if (handler.hasMethodAnnotation(GetMapping.class) || handler.hasMethodAnnotation(PostMapping.class)) {
                errors.put(503, answer("MongoDB did not answer (/problems/read-model-unavailable): ask again.", 503,
                        "read-model-unavailable", "Read model unavailable", "The account status store cannot be"
                                + " reached right now. Retry in a few seconds."));
            }
            return errors;
        });
    }

}
