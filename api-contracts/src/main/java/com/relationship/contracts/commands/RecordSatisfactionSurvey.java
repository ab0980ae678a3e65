package com.relationship.contracts.commands;

import com.relationship.contracts.account.SurveyInstrument;

import java.time.Instant;
import java.util.UUID;

/** Records the result (0 to 10) of a satisfaction survey the account answered. */
public record RecordSatisfactionSurvey(UUID accountId, UUID surveyId, int score, SurveyInstrument instrument,
                                       String comment, Instant occurredAt) implements AccountCommand {
}
