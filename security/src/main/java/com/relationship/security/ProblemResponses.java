package com.relationship.security;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.HandlerMethod;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The error answers of an API in its OpenAPI document, so a client generated from it gets typed errors:
 * one {@value #SCHEMA} schema (RFC 9457 problem details, with the extension members the services add),
 * and on every operation the problem+json responses it can give, each with an example. What any
 * operation behind the token check can answer is decided here from the operation itself (a token, path
 * variables, query parameters, a body); each service adds what only its own operations answer
 * ({@link ServiceErrors}), its media type and field checks included.
 */
public final class ProblemResponses {

    /** The name of the problem details schema in the document's components. */
    public static final String SCHEMA = "Problem";
    public static final String MEDIA_TYPE = "application/problem+json";

    private ProblemResponses() {
    }

    /**
     * The statuses one service's operation can answer beyond the generic ones, each with when and an
     * example; a status mapped to null is one of the generic ones the operation never answers.
     */
    @FunctionalInterface
    public interface ServiceErrors {
        Map<Integer, Answer> of(HandlerMethod handler, Operation operation);
    }

    /**
     * One problem+json response of an operation.
     *
     * @param when    when the operation answers it, naming the problem types a client can branch on
     * @param example a body it answers, as the service writes it (type, title, status, detail and the
     *                type's extension members; {@code instance} is filled in per operation). Each service's
     *                tests provoke the example's type and check the real answer against it.
     */
    public record Answer(String when, Map<String, Object> example) {
    }

    /**
     * An answer with its example body.
     *
     * @param extensions the type's extension members, as name, value, name, value ...
     */
    public static Answer answer(String when, int status, String slug, String title, String detail, Object... extensions) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "/problems/" + slug);
        example.put("title", title);
        example.put("status", status);
        example.put("detail", detail);
        for (int i = 0; i + 1 < extensions.length; i += 2) {
            example.put((String) extensions[i], extensions[i + 1]);
        }
        return new Answer(when, example);
    }

    /** Adds the {@value #SCHEMA} schema to the document's components. */
    public static OpenApiCustomizer problemSchema() {
        return openApi -> openApi.getComponents().addSchemas(SCHEMA, schema());
    }

    /** Lists on every operation the problem+json responses it can give: the generic ones and {@code service}'s. */
    public static OperationCustomizer responses(ServiceErrors service) {
        return (operation, handler) -> {
            Map<Integer, Answer> errors = new TreeMap<>(generic(operation));
            errors.putAll(service.of(handler, operation));
            errors.values().removeIf(java.util.Objects::isNull); // what the service says its operation never answers
            ApiResponses responses = operation.getResponses() != null ? operation.getResponses() : new ApiResponses();
            String instance = path(handler).replace("{month}", "2026-01").replaceAll("\\{[^}]+}", SAMPLE_ID);
            errors.forEach((status, answer) -> responses.addApiResponse(String.valueOf(status), problem(answer, instance)));
            operation.setResponses(responses);
            return operation;
        };
    }

    /** The operation's whole path, such as {@code /api/v1/accounts/{accountId}/purchases}. */
    public static String path(HandlerMethod handler) {
        return mapped(AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), RequestMapping.class))
                + mapped(AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class));
    }

    private static String mapped(RequestMapping mapping) {
        return mapping == null ? "" : String.join("", mapping.path());
    }

    /** What a path variable reads as in the examples' {@code instance}. */
    private static final String SAMPLE_ID = "7d0c3a52-5f8e-4a11-9c1b-2e6f4b8a9d30";

    /** What any operation can answer, read off the operation: its token, parameters and body. */
    static Map<Integer, Answer> generic(Operation operation) {
        Map<Integer, Answer> errors = new LinkedHashMap<>();
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean pathVariables = parameters.stream().anyMatch(p -> "path".equals(p.getIn()));
        boolean query = parameters.stream().anyMatch(p -> "query".equals(p.getIn()));
        boolean body = operation.getRequestBody() != null;
        if (pathVariables || query) {
            errors.put(400, INVALID_PARAMETER.apply("A path variable or query parameter is malformed or unknown:"
                    + " /problems/invalid-parameter or /problems/unknown-parameter, naming it."));
        }
        if (body) {
            errors.put(400, answer("The body is not the JSON this operation takes: /problems/malformed-request (and,"
                    + " where the service tells them apart, /problems/not-a-json-object, /problems/empty-body,"
                    + " /problems/unknown-field, /problems/wrong-type), saying where it went wrong."
                    + (pathVariables || query ? " Or a path variable or query parameter is malformed or unknown:"
                    + " /problems/invalid-parameter, /problems/unknown-parameter." : ""), 400, "malformed-request",
                    "Malformed request", "The request body is not valid JSON: Unexpected character ('}' (code"
                            + " 125)): expected a value."));
        }
        if (isBehindTheTokenCheck(operation)) {
            errors.put(401, answer("The bearer token is missing, invalid or expired: /problems/token-missing,"
                    + " /problems/token-invalid, /problems/token-expired, with WWW-Authenticate and the reason.", 401,
                    "token-missing", "Token missing", "This endpoint needs a bearer token: send the header"
                            + " 'Authorization: Bearer <token>' with a token from 'https://tokens.example.com'."));
            errors.put(403, answer("The token lacks the role this operation needs (/problems/role-missing, naming"
                    + " requiredRole) or has no roles claim (/problems/roles-claim-missing).", 403, "role-missing",
                    "Role missing", "POST /api/v1/accounts/" + SAMPLE_ID + "/lifecycle/advance needs the role"
                            + " 'writer'; the token of 'dana@sales' has only reader. Ask for a token with the role 'writer'.",
                    "requiredRole", "writer", "tokenRoles", List.of("reader")));
        }
        if (pathVariables) {
            errors.put(404, answer("Nothing is known by the id in the path (for an account,"
                    + " /problems/account-not-found).", 404, "account-not-found", "Account not found",
                    "No account " + SAMPLE_ID + " is registered: check the id, or register it with POST /api/v1/accounts."));
        }
        return errors;
    }

    /** Under the document's bearer requirement, unless the operation says it needs none ({@code security: []}). */
    private static boolean isBehindTheTokenCheck(Operation operation) {
        return operation.getSecurity() == null || !operation.getSecurity().isEmpty();
    }

    private static final java.util.function.Function<String, Answer> INVALID_PARAMETER = when -> answer(when, 400,
            "invalid-parameter", "Invalid parameter", "'not-an-id' is not a UUID for accountId.");

    private static ApiResponse problem(Answer answer, String instance) {
        Map<String, Object> example = new LinkedHashMap<>(answer.example());
        example.put("instance", instance);
        return new ApiResponse().description(answer.when()).content(new Content().addMediaType(MEDIA_TYPE,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + SCHEMA)).example(example)));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> schema() {
        Schema problem = new ObjectSchema()
                .description("RFC 9457 problem details. Besides the standard members, a problem may carry extension"
                        + " members that say more about its type (rule, requiredRole, currentVersion, errors,"
                        + " retryAfterSeconds, ...); clients should ignore members they do not know.")
                .addProperty("type", new StringSchema().description("A URI reference naming the kind of problem,"
                        + " such as /problems/evidence-missing; stable, for a client to branch on"))
                .addProperty("title", new StringSchema().description("A short summary of the kind of problem"))
                .addProperty("status", new IntegerSchema().description("The HTTP status code"))
                .addProperty("detail", new StringSchema().description("What happened here, and what to do about it,"
                        + " in words a person can act on"))
                .addProperty("instance", new StringSchema().description("The request path"));
        problem.setAdditionalProperties(true);
        problem.setRequired(List.of("type", "title", "status"));
        return problem;
    }
}
