package com.relationship.service.web;

import com.relationship.service.account.AccountRuleViolation;
import com.relationship.service.account.StaleAccountVersion;
import com.relationship.service.account.UnknownAccountException;
import com.relationship.service.infra.StoreOutcome;
import com.mongodb.MongoException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Every error as RFC 9457 {@code application/problem+json}, with a {@code type} per kind of
 * refusal and a {@code detail} a person can act on: 400 malformed request, 404 unknown account,
 * 409 a rule of the domain refused it (with the account's current stage), 412 If-Match is stale
 * (with the current version), 422 a field is invalid; for admins, 404 unknown integrity check and
 * 409 one is already running.
 */
@RestControllerAdvice
class Problems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(Problems.class);
    private static final Pattern ACCOUNT_PATH = Pattern.compile("/accounts/([0-9a-fA-F-]{36})");

    public static URI type(String slug) {
        return URI.create("/problems/" + slug);
    }

    @ExceptionHandler(AccountRuleViolation.class)
    ResponseEntity<ProblemDetail> refused(AccountRuleViolation violation, WebRequest request) {
        // A value the aggregate refuses whatever the state is an invalid field, as at the edge, which
        // checks every field first: the aggregate's own checks are the safety net, one type for one mistake.
        ProblemDetail problem = violation.rule().isInvalidInput()
                ? problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-field", "Invalid field", violation.getMessage(),
                request)
                : problem(HttpStatus.CONFLICT, violation.rule().slug(), title(violation.rule().name()),
                violation.getMessage(), request);
        problem.setProperty("rule", violation.rule().name());
        if (violation.stage() != null) {
            problem.setProperty("stage", violation.stage());
        }
        if (violation.kamStage() != null) {
            problem.setProperty("kamStage", violation.kamStage());
        }
        if (!violation.missingEvidence().isEmpty()) {
            problem.setProperty("missingEvidence", violation.missingEvidence());
        }
        violation.facts().forEach(problem::setProperty);
        return respond(problem);
    }

    /** If-Match named a version the account has moved past: nothing stored; the current version to read again. */
    @ExceptionHandler(StaleAccountVersion.class)
    ResponseEntity<ProblemDetail> stale(StaleAccountVersion stale, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.PRECONDITION_FAILED, "stale-version", "Stale version",
                stale.getMessage(), request);
        problem.setProperty("currentVersion", stale.currentVersion());
        problem.setProperty("expectedVersion", stale.expectedVersion());
        HttpHeaders headers = problemHeaders();
        headers.setETag("\"" + stale.currentVersion() + "\"");
        return new ResponseEntity<>(problem, headers, HttpStatus.PRECONDITION_FAILED);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> unknownAccount(AggregateNotFoundException notFound, WebRequest request) {
        return respond(problem(HttpStatus.NOT_FOUND, "account-not-found", "Account not found",
                "No account " + notFound.getAggregateIdentifier() + " is registered: check the id, or register it"
                        + " with POST /api/v1/accounts.", request));
    }

    @ExceptionHandler(UnknownAccountException.class)
    ResponseEntity<ProblemDetail> unknownAccount(UnknownAccountException notFound, WebRequest request) {
        return respond(problem(HttpStatus.NOT_FOUND, "account-not-found", "Account not found",
                notFound.getMessage(), request));
    }

    @ExceptionHandler(AggregateStreamCreationException.class)
    ResponseEntity<ProblemDetail> alreadyRegistered(AggregateStreamCreationException exists, WebRequest request) {
        return respond(problem(HttpStatus.CONFLICT, "account-already-registered", "Account already registered",
                "An account with this id is already registered; leave accountId out to get a new one.", request));
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> concurrent(ConcurrencyException conflict, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "concurrent-modification", "Concurrent modification",
                "Other commands kept changing this account at the same moment, and the command lost the race"
                        + " every time it was retried; nothing was stored. Retry it (with the same Idempotency-Key).",
                request);
        return ResponseEntity.status(HttpStatus.CONFLICT).headers(problemHeaders())
                .header(HttpHeaders.RETRY_AFTER, "1").body(problem);
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ProblemDetail> commandFailed(CommandExecutionException failed, WebRequest request) {
        log.error("Command failed", failed);
        return respond(problem(HttpStatus.INTERNAL_SERVER_ERROR, "command-failed", "Command failed",
                "The command could not be completed and no event was stored; retry, and report the correlation id"
                        + " if it persists.", request));
    }

    /**
     * The event store cannot be reached: nothing was stored, and the caller may retry; or it stopped
     * answering after the append was sent ({@link StoreOutcome#unknown}), so the command may have been
     * stored, and only a retry with the same Idempotency-Key is safe.
     */
    @ExceptionHandler(MongoException.class)
    ResponseEntity<ProblemDetail> storeUnavailable(MongoException unavailable, WebRequest request) {
        return storeUnavailable(unavailable, unavailable, request);
    }

    private ResponseEntity<ProblemDetail> storeUnavailable(Exception failure, MongoException unavailable,
                                                           WebRequest request) {
        log.error("Event store unavailable", unavailable);
        ProblemDetail problem = StoreOutcome.unknown(failure)
                ? problem(HttpStatus.SERVICE_UNAVAILABLE, "outcome-unknown", "Outcome unknown",
                "The event store stopped answering after the command was sent to it, so it may or may not have"
                        + " been stored; retry in a few seconds with the same Idempotency-Key, or read the"
                        + " account's events before sending it again without one.", request)
                : problem(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable", "Event store unavailable",
                "The event store could not be reached, so nothing was stored; retry in a few seconds.", request);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).headers(problemHeaders())
                .header(HttpHeaders.RETRY_AFTER, "5").body(problem);
    }

    /** Anything unforeseen still answers problem+json, with the correlation id to report. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception failure, WebRequest request) throws Exception {
        if (failure instanceof org.springframework.web.ErrorResponse) {
            throw failure; // Spring MVC's own exceptions: handled by the base class as problem details
        }
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof MongoException unavailable) {
                return storeUnavailable(failure, unavailable, request); // wrapped by Axon's event store
            }
        }
        log.error("Unexpected failure", failure);
        return respond(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "Something went wrong on our side and the request may not have been applied; check the account's"
                        + " events before retrying, and report the correlation id.", request));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException mismatch, WebRequest request) {
        String expected = mismatch.getRequiredType() == null ? "a valid value" : describe(mismatch.getRequiredType());
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter",
                "'" + mismatch.getValue() + "' is not " + expected + " for " + mismatch.getName() + ".", request);
        return respond(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException invalid,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<Map<String, String>> fields = java.util.stream.Stream.concat(
                invalid.getBindingResult().getFieldErrors().stream()
                        .map(error -> Map.of("field", error.getField(),
                                "message", String.valueOf(error.getDefaultMessage()))),
                invalid.getBindingResult().getGlobalErrors().stream()
                        .map(error -> Map.of("field", "(body)", "message", String.valueOf(error.getDefaultMessage()))))
                .sorted(java.util.Comparator.comparing((Map<String, String> f) -> f.get("field"))
                        .thenComparing(f -> f.get("message")))
                .toList();
        String detail = fields.stream().map(f -> f.get("field") + " " + f.get("message"))
                .collect(Collectors.joining("; ")) + ".";
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-field", "Invalid field", detail,
                request);
        problem.setProperty("fields", fields);
        return new ResponseEntity<>(problem, problemHeaders(), HttpStatus.UNPROCESSABLE_CONTENT);
    }

    /**
     * A body that cannot be read as the request, one problem type per kind, each with the position
     * ({@code line}, {@code column}) and the {@code field} path where known: 400 for the shape
     * (not UTF-8, empty, not an object, broken JSON, an unknown field, a value of the wrong JSON
     * type), 422 for a value of the right type that is not one the field takes (an unknown enum
     * value, a text that is not a UUID or an instant).
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException unreadable,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        Throwable cause = unreadable.getCause();
        ProblemDetail problem;
        if (cause instanceof JsonBodyCheck.BadBody bad) {
            problem = switch (bad.kind()) {
                case NOT_UTF8 -> problem(HttpStatus.BAD_REQUEST, "not-utf8", "Not UTF-8", bad.getMessage(), request);
                case EMPTY -> emptyBody(request);
                case NOT_AN_OBJECT -> problem(HttpStatus.BAD_REQUEST, "not-a-json-object", "Not a JSON object",
                        bad.getMessage(), request);
            };
            problem.setProperty("line", bad.position().line());
            problem.setProperty("column", bad.position().column());
        } else if (cause == null) {
            problem = emptyBody(request); // Spring: no body at all, or the JSON null
        } else if (cause instanceof UnrecognizedPropertyException unknown) {
            String field = fieldPath(unknown);
            List<String> known = unknown.getKnownPropertyIds() == null ? List.of()
                    : unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
            problem = problem(HttpStatus.BAD_REQUEST, "unknown-field", "Unknown field",
                    "This endpoint takes no field " + field + ": remove it, or check its spelling"
                            + (known.isEmpty() ? "." : " (the fields here are " + String.join(", ", known) + ")."),
                    request);
            problem.setProperty("field", field);
            problem.setProperty("knownFields", known);
            located(problem, unknown);
        } else if (cause instanceof InvalidFormatException coerced && isWrongJsonType(coerced)) {
            String field = fieldPath(coerced);
            problem = problem(HttpStatus.BAD_REQUEST, "wrong-type", "Wrong JSON type",
                    field + " must be " + describe(coerced.getTargetType()) + " (" + jsonTypes(coerced.getTargetType())
                            + ").", request);
            problem.setProperty("field", field);
            located(problem, coerced);
        } else if (cause instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            String field = fieldPath(invalid);
            List<String> allowed = Arrays.stream(invalid.getTargetType().getEnumConstants())
                    .map(value -> ((Enum<?>) value).name()).toList();
            problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-enum-value", "Unknown enum value",
                    field + ": '" + invalid.getValue() + "' is not one of " + String.join(", ", allowed) + ".",
                    request);
            problem.setProperty("field", field);
            problem.setProperty("allowedValues", allowed);
            located(problem, invalid);
        } else if (cause instanceof InvalidFormatException invalid) {
            String field = fieldPath(invalid);
            String expected = describe(invalid.getTargetType());
            problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-field", "Invalid field",
                    field + ": '" + invalid.getValue() + "' is not " + expected + ".", request);
            problem.setProperty("fields", List.of(Map.of("field", field, "message", "must be " + expected)));
            located(problem, invalid);
        } else if (cause instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
            String field = fieldPath(mismatched);
            String expected = mismatched.getTargetType() == null ? "another JSON type"
                    : describe(mismatched.getTargetType());
            problem = problem(HttpStatus.BAD_REQUEST, "wrong-type", "Wrong JSON type",
                    field + " must be " + expected + " (" + jsonTypes(mismatched.getTargetType()) + ").", request);
            problem.setProperty("field", field);
            located(problem, mismatched);
        } else if (cause instanceof MismatchedInputException trailing) {
            // JsonBodyCheck let only an object through, so at the top this is what follows the object.
            problem = problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                    "The request body is not one JSON object: something follows it; send exactly one object.",
                    request);
            located(problem, trailing);
        } else if (cause instanceof InputCoercionException outOfRange) {
            String field = fieldPath(outOfRange);
            problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-field", "Invalid field",
                    field + ": the number is out of range.", request);
            problem.setProperty("fields", List.of(Map.of("field", field, "message", "is out of range")));
            located(problem, outOfRange);
        } else if (cause instanceof StreamReadException syntax) {
            // The parser's own words say what is wrong at that position and name no class of ours.
            problem = problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                    "The request body is not valid JSON: " + syntax.getOriginalMessage() + ".", request);
            located(problem, syntax);
        } else {
            problem = problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                    "The request body is not the JSON this endpoint takes: send a JSON object as described in"
                            + " /v3/api-docs.", request);
            if (cause instanceof JacksonException jackson) {
                located(problem, jackson);
            }
        }
        return new ResponseEntity<>(problem, problemHeaders(), HttpStatus.valueOf(problem.getStatus()));
    }

    /**
     * The parser refused to turn a JSON value of one type into another ({@link StrictJson}): a number
     * or boolean where text or an enum goes, text where a count goes. That is the wrong JSON type, not
     * a bad value of the right one.
     */
    private static boolean isWrongJsonType(InvalidFormatException invalid) {
        Class<?> target = invalid.getTargetType();
        return target != null && (!(invalid.getValue() instanceof String)
                || (!target.isEnum() && String.valueOf(invalid.getOriginalMessage()).startsWith("Cannot coerce")));
    }

    private static ProblemDetail emptyBody(WebRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "empty-body", "Empty body",
                "The request body is empty: send a JSON object as described in /v3/api-docs.", request);
    }

    /** Where in the body, and which field, when the parser knows. */
    private static void located(ProblemDetail problem, JacksonException exception) {
        TokenStreamLocation location = exception.getLocation();
        if (location != null && location.getLineNr() > 0) {
            problem.setProperty("line", location.getLineNr());
            problem.setProperty("column", location.getColumnNr());
        }
        if (!exception.getPath().isEmpty() && !problem.getProperties().containsKey("field")
                && !problem.getProperties().containsKey("fields")) {
            problem.setProperty("field", fieldPath(exception));
        }
    }

    private static String jsonTypes(Class<?> type) {
        if (type == null) {
            return "see /v3/api-docs";
        }
        if (type.isEnum() || type == String.class || type.getSimpleName().equals("UUID")
                || type.getSimpleName().equals("Instant")) {
            return "a JSON string";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return type.getSimpleName().equals("BigDecimal") ? "a JSON number, or a string holding one"
                    : "a JSON number without a fraction";
        }
        return "a JSON object";
    }

    /**
     * Spring MVC's own refusals (404 no such endpoint, 405, 406, 415, ...) get a type of their own
     * instead of about:blank, the request's instance and correlation id, and a detail that says
     * what to send; always as application/problem+json, whatever the Accept header asked for.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception failure, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(failure, body, headers, status, request);
        if (response == null || !(response.getBody() instanceof ProblemDetail problem)) {
            return response;
        }
        if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
            ProblemDetail ours = problem(HttpStatus.valueOf(status.value()), frameworkSlug(failure, status),
                    problem.getTitle(), frameworkDetail(failure, problem.getDetail()), request);
            if (problem.getProperties() != null) {
                problem.getProperties().forEach((name, value) -> {
                    if (!ours.getProperties().containsKey(name)) {
                        ours.setProperty(name, value);
                    }
                });
            }
            problem = ours;
        } else {
            // A feature's own ErrorResponseException: its type and detail stand; add where and which request.
            locate(problem, request);
        }
        HttpHeaders answer = new HttpHeaders();
        answer.putAll(response.getHeaders());
        answer.setContentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(problem, answer, response.getStatusCode());
    }

    private static String frameworkSlug(Exception failure, HttpStatusCode status) {
        if (failure instanceof HttpMediaTypeNotSupportedException) {
            return "unsupported-media-type";
        }
        if (failure instanceof HttpMediaTypeNotAcceptableException) {
            return "not-acceptable";
        }
        if (failure instanceof HttpRequestMethodNotSupportedException) {
            return "method-not-allowed";
        }
        if (failure instanceof NoResourceFoundException || failure instanceof NoHandlerFoundException) {
            return "no-such-endpoint";
        }
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "http-" + status.value() : known.name().toLowerCase().replace('_', '-');
    }

    private static String frameworkDetail(Exception failure, String detail) {
        if (failure instanceof HttpMediaTypeNotSupportedException unsupported) {
            return (unsupported.getContentType() == null ? "The request has no Content-Type"
                    : "Content-Type '" + unsupported.getContentType() + "' is not supported")
                    + ": send the body as application/json (UTF-8).";
        }
        if (failure instanceof HttpMediaTypeNotAcceptableException) {
            return "This endpoint answers application/json, and its errors application/problem+json: send"
                    + " Accept: application/json, or no Accept header.";
        }
        if (failure instanceof NoResourceFoundException || failure instanceof NoHandlerFoundException) {
            return "There is no such endpoint: see /v3/api-docs for the paths, and check the ids in it.";
        }
        return detail;
    }

    private static String fieldPath(JacksonException exception) {
        return exception.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        return switch (type.getSimpleName()) {
            case "UUID" -> "a UUID";
            case "Instant" -> "an ISO-8601 instant such as 2026-03-14T09:30:00Z";
            case "BigDecimal", "Integer", "int", "Long", "long" -> "a number";
            default -> "a " + type.getSimpleName();
        };
    }

    private static ProblemDetail problem(HttpStatus status, String slug, String title, String detail,
                                         WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(slug));
        problem.setTitle(title);
        locate(problem, request);
        return problem;
    }

    /** Adds what every problem says of its request, unless it says so already: the path, the account, the correlation id. */
    private static void locate(ProblemDetail problem, WebRequest request) {
        if (request instanceof ServletWebRequest servlet) {
            String path = servlet.getRequest().getRequestURI();
            if (problem.getInstance() == null) {
                problem.setInstance(URI.create(path));
            }
            Matcher account = ACCOUNT_PATH.matcher(path);
            if (account.find()) {
                setIfAbsent(problem, "accountId", account.group(1));
            }
        }
        String correlationId = org.slf4j.MDC.get(AuditContextFilter.CORRELATION_ID);
        if (correlationId != null) {
            setIfAbsent(problem, "correlationId", correlationId);
        }
    }

    private static void setIfAbsent(ProblemDetail problem, String name, Object value) {
        if (problem.getProperties() == null || !problem.getProperties().containsKey(name)) {
            problem.setProperty(name, value);
        }
    }

    private static String title(String ruleName) {
        String words = ruleName.toLowerCase().replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return new ResponseEntity<>(problem, problemHeaders(), HttpStatus.valueOf(problem.getStatus()));
    }

    private static HttpHeaders problemHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON);
        return headers;
    }
}
