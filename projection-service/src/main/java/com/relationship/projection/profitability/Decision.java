package com.relationship.projection.profitability;

import com.relationship.contracts.account.ConversionLever;
import com.relationship.contracts.account.ProfitabilityDecision;

import java.time.Instant;
import java.util.List;

/** A profitability decision the account team recorded: when, what, with which levers, why, and its event. */
public record Decision(Instant at, ProfitabilityDecision decision, List<ConversionLever> levers, String rationale,
                       String eventId) {

    public Decision {
        levers = List.copyOf(levers);
    }
}
