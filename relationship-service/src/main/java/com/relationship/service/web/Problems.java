package com.relationship.service.web;

import com.relationship.service.account.AccountRuleViolation;
import com.relationship.service.account.StaleAccountVersion;
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
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;

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
 * (with the current version), 422 a field is invalid.
 */
@RestControllerAdvice
public class Problems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(Problems.class);
    private static final Pattern ACCOUNT_PATH = Pattern.compile("/accounts/([0-9a-fA-F-]{36})");

    public static URI type(String slug) {
        return URI.create("/problems/" + slug);
    }

    @ExceptionHandler(AccountRuleViolation.class)
    ResponseEntity<ProblemDetail> refused(AccountRuleViolation violation, WebRequest request) {
        HttpStatus status = violation.rule().isInvalidInput() ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.CONFLICT;
        ProblemDetail problem = problem(status, violation.rule().slug(), title(violation.rule().name()),
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
        List<Map<String, String>> fields = invalid.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(),
                        "message", String.valueOf(error.getDefaultMessage())))
                .toList();
        String detail = fields.stream().map(f -> f.get("field") + " " + f.get("message"))
                .collect(Collectors.joining("; ")) + ".";
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-field", "Invalid field", detail,
                request);
        problem.setProperty("fields", fields);
        return new ResponseEntity<>(problem, problemHeaders(), HttpStatus.UNPROCESSABLE_CONTENT);
    }

    /** Bad JSON syntax is 400; well-formed JSON with a value of the wrong kind is a 422 naming the field. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException unreadable,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        Throwable cause = unreadable.getMostSpecificCause();
        if (cause instanceof InvalidFormatException invalid) {
            String field = fieldPath(invalid);
            String expected = describe(invalid.getTargetType());
            ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-field", "Invalid field",
                    field + ": '" + invalid.getValue() + "' is not " + expected + ".", request);
            problem.setProperty("fields", List.of(Map.of("field", field, "message", "must be " + expected)));
            return new ResponseEntity<>(problem, problemHeaders(), HttpStatus.UNPROCESSABLE_CONTENT);
        }
        String where = cause instanceof DatabindException databind && !databind.getPath().isEmpty()
                ? " (at " + fieldPath(databind) + ")" : "";
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                "The request body is not the JSON this endpoint takes" + where
                        + ": send a JSON object as described in /v3/api-docs.", request);
        return new ResponseEntity<>(problem, problemHeaders(), HttpStatus.BAD_REQUEST);
    }

    private static String fieldPath(DatabindException exception) {
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
        if (request instanceof ServletWebRequest servlet) {
            String path = servlet.getRequest().getRequestURI();
            problem.setInstance(URI.create(path));
            Matcher account = ACCOUNT_PATH.matcher(path);
            if (account.find()) {
                problem.setProperty("accountId", account.group(1));
            }
        }
        String correlationId = org.slf4j.MDC.get(AuditContextFilter.CORRELATION_ID);
        if (correlationId != null) {
            problem.setProperty("correlationId", correlationId);
        }
        return problem;
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
