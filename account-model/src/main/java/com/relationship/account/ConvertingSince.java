package com.relationship.account;

import com.relationship.contracts.account.ProfitabilityDecision;

import java.time.Instant;

/**
 * Since when a CONVERT stands (seed 000: fire only after trying to convert): the first CONVERT since the
 * last KEEP. One rule for the write side, which refuses a FIRE before it has stood long enough, and the read
 * side, which suggests one.
 */
public final class ConvertingSince {

    private ConvertingSince() {
    }

    /**
     * After a decision taken at {@code at}: a CONVERT starts the wait unless one already stands; a KEEP ends it
     * (the account turned around); a FIRE leaves it.
     *
     * @param before since when a CONVERT stood before the decision; null when none did
     */
    public static Instant after(Instant before, ProfitabilityDecision decision, Instant at) {
        return switch (decision) {
            case CONVERT -> before != null ? before : at;
            case KEEP -> null;
            case FIRE -> before;
        };
    }
}
