package com.relationship.contracts.events;

import com.relationship.contracts.account.SurveyInstrument;

import java.time.Instant;
import java.util.UUID;

/**
 * The account's answer to a satisfaction survey: {@code score} 0 to 10 on the given instrument.
 * <p>{@code ref}, optional, is the seller's own reference for this fact (a CRM or ERP id): within an account the
 * same ref is recorded once (sent again with the same content it answers the first answer; with other content it
 * is refused).
 */
public record SatisfactionSurveyed(UUID accountId, UUID surveyId, int score, SurveyInstrument instrument,
                                   String comment, Instant occurredAt, String ref) implements AccountEvent {

    /** Without {@code ref}. */
    public SatisfactionSurveyed(UUID accountId, UUID surveyId, int score, SurveyInstrument instrument,
                                String comment, Instant occurredAt) {
        this(accountId, surveyId, score, instrument, comment, occurredAt, null);
    }

    @Override
    public <R> R accept(AccountEventVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
