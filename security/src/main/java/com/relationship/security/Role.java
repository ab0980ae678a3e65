package com.relationship.security;

/**
 * What a token may be allowed to do, named in the token's roles claim in lower case. A token may
 * carry several; none implies another (an admin who also reads needs {@code reader} as well), so
 * the table of each service says exactly who may call what.
 */
public enum Role {
    /** Sends commands. */
    WRITER,
    /** Reads read models: account state and status, funnel, watch lists. */
    READER,
    /** Reads the audit trail: history, as-of state, timeline, integrity. */
    AUDITOR,
    /** Operates the service: rebuilds, re-drives, actuator endpoints other than health. */
    ADMIN;

    /** The value in the token's roles claim: {@code writer}, {@code reader}, {@code auditor}, {@code admin}. */
    public String claimValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
