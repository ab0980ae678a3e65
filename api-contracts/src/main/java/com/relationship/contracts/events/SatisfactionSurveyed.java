package com.relationship.contracts.events;

import com.relationship.contracts.account.SurveyInstrument;

import java.time.Instant;
import java.util.UUID;

/** The account's answer to a satisfaction survey: {@code score} 0 to 10 on the given instrument. */
public record SatisfactionSurveyed(UUID accountId, UUID surveyId, int score, SurveyInstrument instrument,
                                   String comment, Instant occurredAt) implements AccountEvent {
}
