package com.relationship.projection.web;

import com.mongodb.MongoException;
import com.relationship.projection.readmodel.AccountNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.http.MediaType;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every REST error as RFC 9457 {@code application/problem+json}: Spring MVC's own exceptions through
 * {@link ResponseEntityExceptionHandler}, with the parameter problems rewritten so a person can see
 * what to send instead, and ours with a {@code type} per kind of problem.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    public static final URI ACCOUNT_NOT_FOUND = URI.create("/problems/account-not-found");
    public static final URI INVALID_PARAMETER = URI.create("/problems/invalid-parameter");
    public static final URI READ_MODEL_UNAVAILABLE = URI.create("/problems/read-model-unavailable");
    public static final URI INTERNAL_ERROR = URI.create("/problems/internal-error");
    public static final URI UNKNOWN_PARAMETER = URI.create("/problems/unknown-parameter");
    public static final URI MALFORMED_REQUEST = URI.create("/problems/malformed-request");

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(AccountNotFoundException.class)
    ProblemDetail accountNotFound(AccountNotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "There is no account "
                + e.accountId() + ". Check the id; an account registered a moment ago appears here once its first "
                + "event is projected, so retry in a few seconds if you just created it.");
        problem.setType(ACCOUNT_NOT_FOUND);
        problem.setTitle("Account not found");
        problem.setProperty("accountId", e.accountId());
        return problem;
    }

    @ExceptionHandler(KnownQueryParameters.UnknownQueryParameterException.class)
    ResponseEntity<ProblemDetail> unknownParameter(KnownQueryParameters.UnknownQueryParameterException e,
                                                   HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "This endpoint takes no "
                + String.join(", ", e.unknown()) + " parameter: remove it, or check its spelling"
                + (e.known().isEmpty() ? " (it takes none)." : " (it takes " + String.join(", ", e.known()) + ")."));
        problem.setType(UNKNOWN_PARAMETER);
        problem.setTitle("Unknown parameter");
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("parameters", e.unknown());
        problem.setProperty("knownParameters", e.known());
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(MongoException.class)
    ResponseEntity<ProblemDetail> readModelUnavailable(MongoException e) {
        log.warn("Read model unavailable: {}", e.toString());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The account status store cannot be reached right now. Retry in a few seconds.");
        problem.setType(READ_MODEL_UNAVAILABLE);
        problem.setTitle("Read model unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").body(problem);
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected error serving a request", e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side. Retry later; if it persists, report it with the time of the request.");
        problem.setType(INTERNAL_ERROR);
        problem.setTitle("Internal error");
        return problem;
    }

    /** A path or query parameter of the wrong type: names the parameter and, for an enum, the allowed values. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        Class<?> type = e.getRequiredType();
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setType(INVALID_PARAMETER);
        problem.setTitle("Invalid parameter");
        problem.setProperty("parameter", name);
        problem.setProperty("value", String.valueOf(e.getValue()));
        if (type != null && type.isEnum()) {
            List<String> allowed = Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
            problem.setDetail("'" + e.getValue() + "' is not a valid " + name + ". Use one of: "
                    + String.join(", ", allowed) + ".");
            problem.setProperty("allowedValues", allowed);
        } else if (type == java.util.UUID.class) {
            problem.setDetail("'" + e.getValue() + "' is not a valid " + name
                    + ". Use an account id in UUID form, e.g. 5b0c1f9e-7d53-4c4e-9a51-2f7c3b7f0a11.");
        } else {
            problem.setDetail("'" + e.getValue() + "' is not a valid " + name
                    + (type == null ? "." : ": expected " + type.getSimpleName() + "."));
        }
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /**
     * A body that is not the JSON the endpoint takes (a rebuild's or a backtest's request): says where and
     * what, in the parser's own words, instead of Spring's "Failed to read request".
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            org.springframework.http.converter.HttpMessageNotReadableException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        tools.jackson.core.JacksonException jackson = null;
        for (Throwable cause = e.getCause(); cause != null && jackson == null; cause = cause.getCause()) {
            jackson = cause instanceof tools.jackson.core.JacksonException j ? j : null;
        }
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setType(MALFORMED_REQUEST);
        problem.setTitle("Malformed request");
        if (jackson != null) {
            String field = jackson.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            problem.setDetail("The request body is not the JSON this endpoint takes"
                    + (field.isEmpty() ? "" : " at " + field) + ": " + jackson.getOriginalMessage()
                    + ". See the endpoint in /v3/api-docs.");
            if (!field.isEmpty()) {
                problem.setProperty("field", field);
            }
        } else {
            problem.setDetail("The request body is missing or not JSON: send the JSON object the endpoint takes"
                    + " (see /v3/api-docs).");
        }
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** Constraint violations on parameters (page, size): says which and why. */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<String> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> parameterName(result
                        .getMethodParameter().getParameterName(), error) + " " + error.getDefaultMessage()))
                .toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                errors.stream().collect(Collectors.joining("; ")) + ".");
        problem.setType(INVALID_PARAMETER);
        problem.setTitle("Invalid parameter");
        problem.setProperty("errors", errors);
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /**
     * Spring MVC's own refusals (404 no such endpoint, 405, 406, ...) get a type of their own instead
     * of about:blank and the request's path as instance; always application/problem+json, whatever
     * the Accept header asked for.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(e, body, headers, statusCode, request);
        if (response == null || !(response.getBody() instanceof ProblemDetail problem)) {
            return response;
        }
        if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
            problem.setType(URI.create("/problems/" + frameworkSlug(e, statusCode)));
            if (e instanceof NoResourceFoundException) {
                problem.setDetail("There is no such endpoint: see /v3/api-docs for the paths.");
            } else if (e instanceof HttpMediaTypeNotAcceptableException) {
                problem.setDetail("This API answers application/json, and its errors application/problem+json:"
                        + " send Accept: application/json, or no Accept header.");
            }
        }
        if (problem.getInstance() == null && request instanceof ServletWebRequest servlet) {
            problem.setInstance(URI.create(servlet.getRequest().getRequestURI()));
        }
        HttpHeaders answer = new HttpHeaders();
        answer.putAll(response.getHeaders());
        answer.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(problem, answer, response.getStatusCode());
    }

    private static String frameworkSlug(Exception e, HttpStatusCode status) {
        if (e instanceof NoResourceFoundException) {
            return "no-such-endpoint";
        }
        if (e instanceof HttpMediaTypeNotAcceptableException) {
            return "not-acceptable";
        }
        if (e instanceof HttpRequestMethodNotSupportedException) {
            return "method-not-allowed";
        }
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "http-" + status.value() : known.name().toLowerCase().replace('_', '-');
    }

    private static String parameterName(String fallback, MessageSourceResolvable error) {
        return error instanceof FieldError field ? field.getField() : fallback;
    }
}
