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
 * and on every operation the problem+json responses it can give. What any operation behind the token
 * check can answer is decided here from the operation itself (a token, path variables, query
 * parameters, a body); each service adds what only its own operations answer ({@link ServiceErrors}).
 */
public final class ProblemResponses {

    /** The name of the problem details schema in the document's components. */
    public static final String SCHEMA = "Problem";
    public static final String MEDIA_TYPE = "application/problem+json";

    private ProblemResponses() {
    }

    /** The statuses one service's operation can answer beyond the generic ones, each with when. */
    @FunctionalInterface
    public interface ServiceErrors {
        Map<Integer, String> of(HandlerMethod handler, Operation operation);
    }

    /** Adds the {@value #SCHEMA} schema to the document's components. */
    public static OpenApiCustomizer problemSchema() {
        return openApi -> openApi.getComponents().addSchemas(SCHEMA, schema());
    }

    /** Lists on every operation the problem+json responses it can give: the generic ones and {@code service}'s. */
    public static OperationCustomizer responses(ServiceErrors service) {
        return (operation, handler) -> {
            Map<Integer, String> errors = new TreeMap<>(generic(operation));
            errors.putAll(service.of(handler, operation));
            ApiResponses responses = operation.getResponses() != null ? operation.getResponses() : new ApiResponses();
            errors.forEach((status, when) -> responses.addApiResponse(String.valueOf(status), problem(when)));
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

    /** What any operation can answer, read off the operation: its token, parameters and body. */
    static Map<Integer, String> generic(Operation operation) {
        Map<Integer, String> errors = new LinkedHashMap<>();
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean pathVariables = parameters.stream().anyMatch(p -> "path".equals(p.getIn()));
        boolean query = parameters.stream().anyMatch(p -> "query".equals(p.getIn()));
        boolean body = operation.getRequestBody() != null;
        if (pathVariables || query) {
            errors.put(400, "A path variable or query parameter is malformed or unknown: /problems/invalid-parameter"
                    + " or /problems/unknown-parameter, naming it.");
        }
        if (body) {
            errors.put(400, "The body is not JSON, not an object, or empty: /problems/malformed-request,"
                    + " /problems/not-a-json-object, /problems/empty-body, with where it went wrong."
                    + (pathVariables || query ? " Or a path variable or query parameter is malformed or unknown:"
                    + " /problems/invalid-parameter, /problems/unknown-parameter." : ""));
            errors.put(413, "The body is larger than the service accepts.");
            errors.put(415, "The body is not application/json: /problems/unsupported-media-type.");
            errors.put(422, "A field is missing, unknown, of the wrong type or out of range: /problems/invalid-field"
                    + " (and /problems/unknown-field, /problems/wrong-type, /problems/unknown-enum-value), with"
                    + " errors naming each field. Nothing was done.");
        }
        if (isBehindTheTokenCheck(operation)) {
            errors.put(401, "The bearer token is missing, invalid or expired: /problems/token-missing,"
                    + " /problems/token-invalid, /problems/token-expired, with WWW-Authenticate and the reason.");
            errors.put(403, "The token lacks the role this operation needs (/problems/role-missing, naming"
                    + " requiredRole) or has no roles claim (/problems/roles-claim-missing).");
        }
        if (pathVariables) {
            errors.put(404, "Nothing is known by the id in the path (for an account, /problems/account-not-found).");
        }
        return errors;
    }

    /** Under the document's bearer requirement, unless the operation says it needs none ({@code security: []}). */
    private static boolean isBehindTheTokenCheck(Operation operation) {
        return operation.getSecurity() == null || !operation.getSecurity().isEmpty();
    }

    private static ApiResponse problem(String when) {
        return new ApiResponse().description(when).content(new Content().addMediaType(MEDIA_TYPE,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + SCHEMA))));
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
