package com.relationship.service.web;

import com.relationship.security.ProblemResponses;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.method.HandlerMethod;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.relationship.security.ProblemResponses.answer;

/** What /v3/api-docs and the Swagger UI say about this API. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    @Bean
    OpenAPI relationshipServiceApi(@Value("${spring.application.version:0.1.0}") String version) {
        return new OpenAPI().components(new Components().addSecuritySchemes(BEARER, bearerScheme()))
                .addSecurityItem(new SecurityRequirement().addList(BEARER))
                .info(new Info()
                .title("relationship-service: account lifecycle commands")
                .version(version)
                .contact(new Contact().name("The relationship-lifecycle maintainers"))
                .license(new License().name("Proprietary"))
                .description("""
                        Commands that move B2B accounts along the loyalty lifecycle (prospect → customer → client → \
                        supporter → advocate → partner) and the Key Account Management track. Every accepted command \
                        answers the account id and its new version (the sequence number of its last event). Every \
                        call needs a bearer token (a JWT) with the role the endpoint needs: writer for commands, \
                        reader for the current state and eligibility, auditor for the events, admin for the \
                        integrity check of every account; the events record the token's subject as their actor. Optionally send X-Correlation-Id. Errors are RFC 9457 \
                        application/problem+json: 400 malformed, 401 token missing, invalid or expired (with the \
                        reason), 403 role missing (naming it), 404 unknown account, 409 refused by a domain rule \
                        (type /problems/<rule>), 412 stale If-Match (with currentVersion), 413 body over 64 KiB, \
                        422 invalid field or reused Idempotency-Key, 503 event store unavailable. Every command \
                        takes an optional Idempotency-Key (retry with the same key and body to get the first \
                        answer again, never a second event) and If-Match (the version from an ETag: the command \
                        is applied only if the account is still at that version)."""));
    }

    /** What the reference data's operations answer besides the generic problems. */
    private static void referenceData(HandlerMethod handler, Map<Integer, ProblemResponses.Answer> errors) {
        if (ProblemResponses.path(handler).contains("{month}")) {
            errors.put(400, answer("The month in the path is not yyyy-MM (/problems/invalid-parameter)"
                    + (handler.hasMethodAnnotation(PutMapping.class) ? ", or the body is not the JSON this operation"
                    + " takes (/problems/malformed-request)." : "."), 400, "invalid-parameter", "Invalid parameter",
                    "'2026-13' is not a month for month: write it as yyyy-MM, such as 2026-01."));
        }
        if (handler.hasMethodAnnotation(PutMapping.class)) {
            errors.put(404, null); // a PUT sets what it names, known or not
            errors.put(409, answer("Another request stored the next version a moment before"
                    + " (/problems/concurrent-modification): read it again. Nothing was stored.", 409,
                    "concurrent-modification", "Concurrent modification", "Version 3 of exchange-rates:2026-01 was"
                            + " stored by another request a moment ago. Read it again and decide whether yours still"
                            + " applies."));
            errors.put(412, answer("If-Match names a version the data has moved on from (/problems/stale-version, with"
                    + " currentVersion and the current ETag). Nothing was stored.", 412, "stale-version",
                    "Stale version", "exchange-rates:2026-01 is at version 3, not 2: it changed since you read it. Read"
                            + " it again, decide again, and send it with If-Match: \"3\".",
                    "currentVersion", 3, "expectedVersion", 2));
        } else if (ProblemResponses.path(handler).contains("{month}")) {
            errors.put(404, answer("Nothing was ever set for the month (/problems/reference-data-not-found).", 404,
                    "reference-data-not-found", "Reference data not found", "Nothing was ever set as"
                            + " exchange-rates:2026-01: set it with PUT first."));
        }
        errors.put(503, answer("The store is unreachable (/problems/store-unavailable, with Retry-After).", 503,
                "store-unavailable", "Event store unavailable", "The event store could not be reached, so nothing"
                        + " was stored; retry in a few seconds."));
    }

    private static final String BEARER = "bearer";
    /** The account the examples are about. */
    private static final String SAMPLE_ACCOUNT = "7d0c3a52-5f8e-4a11-9c1b-2e6f4b8a9d30";

    private static SecurityScheme bearerScheme() {
        return new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("A JWT from the configured identity provider (locally: the local stack's token"
                        + " command), with the roles this service checks in its roles claim: writer, reader,"
                        + " auditor, admin.");
    }

    /** The headers every command takes, on every POST operation of the document. */
    @Bean
    OperationCustomizer commandHeaders() {
        return (operation, handler) -> {
            if (handler.hasMethodAnnotation(PostMapping.class)) {
                operation.addParametersItem(new HeaderParameter().name(IdempotencyFilter.HEADER).required(false)
                        .description("Makes the command safe to retry: the same key with the same body answers the"
                                + " first answer again and stores nothing; with another body it is refused (422)."
                                + " Remembered per actor for relationship.api.idempotency-key-ttl (24 h).")
                        .schema(new StringSchema().maxLength(200)));
                if (!onAnAccount(handler)) {
                    return operation; // a new account, or the whole store: no version to be conditional on
                }
                operation.addParametersItem(new HeaderParameter().name("If-Match").required(false)
                        .description("The account version (its ETag, such as \"7\") the command is conditional on:"
                                + " 412 with the current version if the account has moved on, and nothing stored.")
                        .schema(new StringSchema()));
            }
            return operation;
        };
    }

    private static boolean onAnAccount(HandlerMethod handler) {
        return ProblemResponses.path(handler).contains("{accountId}");
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
            boolean command = handler.hasMethodAnnotation(PostMapping.class) && path.startsWith("/api/v1/accounts");
            if (operation.getRequestBody() != null) {
                errors.put(415, answer("The body is not application/json: /problems/unsupported-media-type.", 415,
                        "unsupported-media-type", "Unsupported Media Type", "Content-Type 'text/plain;charset=UTF-8'"
                                + " is not supported: send the body as application/json (UTF-8)."));
                errors.put(422, answer("A field is missing, unknown, of the wrong type or out of range:"
                        + " /problems/invalid-field (and /problems/unknown-enum-value), with fields naming each one."
                        + " Nothing was done.", 422, "invalid-field", "Invalid field", "amount must be greater than 0.",
                        "fields", List.of(Map.of("field", "amount", "message", "must be greater than 0"))));
            }
            if (command) {
                errors.put(409, answer("Refused by a rule of the domain (type /problems/<rule>, with rule, stage and the"
                        + " rule's sentence saying what to do; see docs/domain.md), a reference recorded before with"
                        + " other content (/problems/ref-already-recorded), a lost race"
                        + " (/problems/concurrent-modification), an account registered before"
                        + " (/problems/account-already-registered) or an Idempotency-Key still in use"
                        + " (/problems/idempotency-key-in-progress). Nothing was stored.", 409, "not-the-next-stage",
                        "Not the next stage", "Stages are climbed one at a time: from PROSPECT the next stage is"
                                + " CUSTOMER, not CLIENT.", "rule", "NOT_THE_NEXT_STAGE", "stage", "PROSPECT"));
                errors.put(422, answer("A field is missing, unknown, of the wrong type or out of range (/problems/invalid-field,"
                        + " fields naming each one), a date that cannot be (rule IN_THE_FUTURE, DUE_BEFORE_RAISED),"
                        + " or an Idempotency-Key sent before with another request (/problems/idempotency-key-reused)."
                        + " Nothing was stored.", 422, "invalid-field", "Invalid field",
                        "amount must be greater than 0.", "fields",
                        List.of(Map.of("field", "amount", "message", "must be greater than 0"))));
                errors.put(413, answer("The body is larger than the 65536 bytes a command may have"
                        + " (/problems/request-too-large, with maxBytes). Nothing was stored.", 413, "request-too-large",
                        "Request too large", "The request body is larger than the 65536 bytes a command may have:"
                                + " shorten the text fields (see maxLength in /v3/api-docs).", "maxBytes", 65536));
                errors.put(429, answer("The token's subject sent more commands than relationship.api.command-rate allows"
                        + " (/problems/too-many-commands, with Retry-After): send it again then, with the same"
                        + " Idempotency-Key. Nothing was stored.", 429, "too-many-commands", "Too many commands",
                        "'crm-sync' sent more than 50 commands per second (bursts up to 100), so this one was not"
                                + " processed: send it again in 1 s (Retry-After), with the same Idempotency-Key if"
                                + " it had one."));
                errors.put(503, answer("The event store is unreachable, nothing was stored (/problems/store-unavailable); or it"
                        + " stopped answering after the command was sent (/problems/outcome-unknown): retry with the"
                        + " same Idempotency-Key. Both with Retry-After.", 503, "store-unavailable",
                        "Event store unavailable", "The event store could not be reached, so nothing was stored;"
                                + " retry in a few seconds."));
                if (onAnAccount(handler)) {
                    errors.put(412, answer("If-Match names a version the account has moved on from (/problems/stale-version,"
                            + " with currentVersion and the current ETag). Nothing was stored.", 412, "stale-version",
                            "Stale version", "Account " + SAMPLE_ACCOUNT + " is at version 5, not 3: it changed since you"
                                    + " read it. Read it again (GET /api/v1/accounts/" + SAMPLE_ACCOUNT + "), decide"
                                    + " again, and send the command with If-Match: \"5\".",
                            "currentVersion", 5, "expectedVersion", 3));
                }
            } else if (path.startsWith("/api/v1/admin/exchange-rates") || path.startsWith("/api/v1/admin/activity-rates")) {
                referenceData(handler, errors);
            } else if (path.equals("/api/v1/admin/integrity-checks") && handler.hasMethodAnnotation(PostMapping.class)) {
                errors.put(409, answer("An integrity check is running already (/problems/integrity-check-running): follow it.",
                        409, "integrity-check-running", "Integrity check running", "Integrity check"
                                + " 3f1e2d4c-9b7a-4c6e-8d5f-1a2b3c4d5e6f is still running: follow it at"
                                + " /api/v1/admin/integrity-checks/3f1e2d4c-9b7a-4c6e-8d5f-1a2b3c4d5e6f, and start"
                                + " another once it has finished.",
                        "runningCheckId", "3f1e2d4c-9b7a-4c6e-8d5f-1a2b3c4d5e6f",
                        "runningCheck", "/api/v1/admin/integrity-checks/3f1e2d4c-9b7a-4c6e-8d5f-1a2b3c4d5e6f"));
            } else if (path.equals("/api/v1/admin/relay-repairs")) {
                errors.put(503, answer("This instance has not read the events topic back yet (/problems/topic-not-read-yet),"
                        + " or Kafka or the store did not answer: ask again in a moment.", 503, "topic-not-read-yet",
                        "Events topic not read yet", "The events topic relationship.account-events has not been read back"
                                + " to the present within PT30S (read as of 2026-12-07T10:15:30Z): is Kafka reachable?"
                                + " Nothing was compared or published; try again once the relay health component"
                                + " shows a recent topicReadAsOf."));
            } else {
                errors.put(503, answer("The event store is unreachable (/problems/store-unavailable, with Retry-After).",
                        503, "store-unavailable", "Event store unavailable", "The event store could not be reached,"
                                + " so nothing was stored; retry in a few seconds."));
            }
            return errors;
        });
    }
}
