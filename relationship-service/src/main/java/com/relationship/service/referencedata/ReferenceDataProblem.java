package com.relationship.service.referencedata;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** What a request about reference data is refused with: each carries its problem+json answer. Nothing is stored. */
class ReferenceDataProblem extends ErrorResponseException {

    private ReferenceDataProblem(HttpStatus status, ProblemDetail problem, HttpHeaders headers) {
        super(status, problem, null);
        getHeaders().putAll(headers);
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/problems/" + type));
        problem.setTitle(title);
        return problem;
    }

    /** 422: a field's value is not one it takes; {@code fields} as Bean Validation's answers name them. */
    static ReferenceDataProblem invalid(String field, String message) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-field", "Invalid field",
                field + " " + message + ".");
        problem.setProperty("fields", List.of(Map.of("field", field, "message", message)));
        return new ReferenceDataProblem(HttpStatus.UNPROCESSABLE_CONTENT, problem, new HttpHeaders());
    }

    /** 400: the month in the path is not one. */
    static ReferenceDataProblem notAMonth(String month) {
        return new ReferenceDataProblem(HttpStatus.BAD_REQUEST, problem(HttpStatus.BAD_REQUEST, "invalid-parameter",
                "Invalid parameter", "'" + month + "' is not a month for month: write it as yyyy-MM, such as 2026-01."),
                new HttpHeaders());
    }

    /** 404: nothing was set under the key. */
    static ReferenceDataProblem notFound(String key) {
        return new ReferenceDataProblem(HttpStatus.NOT_FOUND, problem(HttpStatus.NOT_FOUND, "reference-data-not-found",
                "Reference data not found", "Nothing was ever set as " + key + ": set it with PUT first."),
                new HttpHeaders());
    }

    /** 412: If-Match names a version the key has moved on from. */
    static ReferenceDataProblem stale(String key, long expected, long current) {
        ProblemDetail problem = problem(HttpStatus.PRECONDITION_FAILED, "stale-version", "Stale version",
                key + " is at version " + current + ", not " + expected + ": it changed since you read it. Read it"
                        + " again, decide again, and send it with If-Match: \"" + current + "\".");
        problem.setProperty("currentVersion", current);
        problem.setProperty("expectedVersion", expected);
        HttpHeaders headers = new HttpHeaders();
        headers.setETag("\"" + current + "\"");
        return new ReferenceDataProblem(HttpStatus.PRECONDITION_FAILED, problem, headers);
    }

    /** 409: another request stored the same next version a moment before. */
    static ReferenceDataProblem raced(String detail) {
        return new ReferenceDataProblem(HttpStatus.CONFLICT, problem(HttpStatus.CONFLICT, "concurrent-modification",
                "Concurrent modification", detail + " Read it again and decide whether yours still applies."),
                new HttpHeaders());
    }
}
