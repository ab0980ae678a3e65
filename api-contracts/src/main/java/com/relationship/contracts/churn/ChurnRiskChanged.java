package com.relationship.contracts.churn;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An account's churn-risk band changed (or was scored for the first time), as published on
 * {@link com.relationship.contracts.Topics#CHURN_RISK} inside a CloudEvent ({@link ChurnRiskCodec}).
 * It carries the whole explanation, so a dashboard can show why without asking the REST API.
 *
 * @param previousBand null for the account's first score
 * @param modelVersion the churn model that scored it (a change of weights shows as a new version)
 * @param at           the instant the score is for: the event's time, or the pass over time's now
 * @param cause        what moved it: an event (with its id), time passing, or a new model
 * @param factors      each factor's points, reason and causing events; the points add up to {@code score}
 */
public record ChurnRiskChanged(UUID accountId, int score, ChurnBand band, ChurnBand previousBand, String modelVersion,
                               Instant at, Cause cause, List<FactorPoints> factors) {

    /** The data's public name and major revision; the CloudEvent type. */
    public static final String SCHEMA = "com.relationship.churn.ChurnRiskChanged.v1";

    public ChurnRiskChanged {
        factors = List.copyOf(factors);
    }

    /**
     * @param kind    EVENT, TIME or MODEL
     * @param eventId the causing event's id when {@code kind} is EVENT, else null
     */
    public record Cause(String kind, String eventId) {
    }

    /** One factor's share of the score, with a sentence a person understands and the events behind it. */
    public record FactorPoints(String factor, int points, String reason, List<String> eventIds) {
        public FactorPoints {
            eventIds = List.copyOf(eventIds);
        }
    }
}
