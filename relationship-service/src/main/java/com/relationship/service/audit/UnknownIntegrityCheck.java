package com.relationship.service.audit;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.net.URI;
import java.util.UUID;

/**
 * A check id this instance never started, or has forgotten (it keeps the latest {@value IntegrityChecks#KEPT}):
 * 404 {@code /problems/integrity-check-not-found}. Carries its own problem, so the web edge needs no
 * knowledge of the audit feature.
 */
class UnknownIntegrityCheck extends ErrorResponseException {

    public UnknownIntegrityCheck(UUID checkId) {
        super(HttpStatus.NOT_FOUND, problem(checkId), null);
    }

    private static ProblemDetail problem(UUID checkId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No integrity check " + checkId
                + " is known to this instance: checks are kept in memory, the latest " + IntegrityChecks.KEPT
                + ", until the instance restarts; list them with GET " + IntegrityCheckController.PATH
                + ", or start one with POST.");
        problem.setType(URI.create("/problems/integrity-check-not-found"));
        problem.setTitle("Integrity check not found");
        return problem;
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
