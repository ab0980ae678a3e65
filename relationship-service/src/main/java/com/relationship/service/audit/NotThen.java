package com.relationship.service.audit;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/** An as-of question about a time or version at which the account did not exist (404 problem+json). */
class NotThen extends ErrorResponseException {

    private NotThen(String type, String title, String detail) {
        super(HttpStatus.NOT_FOUND, problem(type, title, detail), null);
    }

    private static ProblemDetail problem(String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
        problem.setType(URI.create("/problems/" + type));
        problem.setTitle(title);
        return problem;
    }

    static NotThen beforeRegistration(UUID accountId, Instant asOf, Instant registeredAt) {
        return new NotThen("not-registered-yet", "The account did not exist then", "Account " + accountId
                + " was registered at " + registeredAt + ", after " + asOf + ": ask for a later instant.");
    }

    static NotThen noSuchVersion(UUID accountId, long version, long last) {
        return new NotThen("no-such-version", "The account has no such version", "Account " + accountId
                + " has versions 0 to " + last + "; " + version + " is not one of them.");
    }
}
