package com.relationship.service.audit;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.net.URI;

/**
 * A check of every account was asked for while one is still running: 409
 * {@code /problems/integrity-check-running}, naming the running one to follow instead.
 */
class IntegrityCheckRunning extends ErrorResponseException {

    private final transient IntegrityCheck running;

    IntegrityCheckRunning(IntegrityCheck running) {
        super(HttpStatus.CONFLICT, problem(running), null);
        this.running = running;
    }

    private static ProblemDetail problem(IntegrityCheck running) {
        String location = locationOf(running);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "Integrity check "
                + running.checkId() + " is still running (started " + running.startedAt() + " by "
                + running.startedBy() + ", " + running.accountsVerified() + " accounts verified so far): follow it"
                + " at " + location + ", and start another once it has finished.");
        problem.setType(URI.create("/problems/integrity-check-running"));
        problem.setTitle("Integrity check running");
        problem.setProperty("runningCheckId", running.checkId());
        problem.setProperty("runningCheck", location);
        return problem;
    }

    public IntegrityCheck running() {
        return running;
    }

    /** Where the running check is followed. */
    public String location() {
        return locationOf(running);
    }

    private static String locationOf(IntegrityCheck check) {
        return IntegrityCheckController.PATH + "/" + check.checkId();
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
