package com.relationship.service.audit;

/** A check of every account was asked for while one is still running. */
public class IntegrityCheckRunning extends RuntimeException {

    private final transient IntegrityCheck running;

    IntegrityCheckRunning(IntegrityCheck running) {
        super("Integrity check " + running.checkId() + " is still running (started " + running.startedAt() + " by "
                + running.startedBy() + ", " + running.accountsVerified() + " accounts verified so far): follow it"
                + " at " + IntegrityCheckController.PATH + "/" + running.checkId() + ", and start another once it"
                + " has finished.");
        this.running = running;
    }

    public IntegrityCheck running() {
        return running;
    }

    /** Where the running check is followed. */
    public String location() {
        return IntegrityCheckController.PATH + "/" + running.checkId();
    }
}
