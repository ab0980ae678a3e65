package com.relationship.contracts.commands;

import com.relationship.contracts.account.SurveyInstrument;

import java.time.Instant;
import java.util.UUID;

/**
 * Records the result (0 to 10) of a satisfaction survey the account answered.
 * <p>{@code ref}, optional, is the seller's own reference for this fact (a CRM or ERP id): within an account the
 * same ref is recorded once (sent again with the same content it answers the first answer; with other content it
 * is refused).
 */
public record RecordSatisfactionSurvey(UUID accountId, UUID surveyId, int score, SurveyInstrument instrument,
                                       String comment, Instant occurredAt, String ref) implements AccountCommand {

    /** Without {@code ref}. */
    public RecordSatisfactionSurvey(UUID accountId, UUID surveyId, int score, SurveyInstrument instrument,
                                    String comment, Instant occurredAt) {
        this(accountId, surveyId, score, instrument, comment, occurredAt, null);
    }
}
