package com.relationship.service.audit;

import java.util.UUID;

/** A check id this instance never started, or has forgotten (it keeps the latest {@value IntegrityChecks#KEPT}). */
public class UnknownIntegrityCheck extends RuntimeException {

    public UnknownIntegrityCheck(UUID checkId) {
        super("No integrity check " + checkId + " is known to this instance: checks are kept in memory, the latest "
                + IntegrityChecks.KEPT + ", until the instance restarts; list them with GET "
                + IntegrityCheckController.PATH + ", or start one with POST.");
    }
}
