package com.relationship.service.contacts;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.net.URI;
import java.util.UUID;

/**
 * A contact id the key store has no key for: no contact was ever added with it (or it was added before
 * personal data was sealed, docs/personal-data.md). 404 {@code /problems/data-subject-not-found}.
 */
class UnknownDataSubject extends ErrorResponseException {

    UnknownDataSubject(UUID contactId) {
        super(HttpStatus.NOT_FOUND, problem(contactId), null);
    }

    private static ProblemDetail problem(UUID contactId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No data subject " + contactId
                + " is known: no contact was added with this id since personal data is sealed. Check the id in the"
                + " account's events (GET /api/v1/accounts/{accountId}/events, role auditor).");
        problem.setType(URI.create("/problems/data-subject-not-found"));
        problem.setTitle("Data subject not found");
        problem.setProperty("contactId", contactId);
        return problem;
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
