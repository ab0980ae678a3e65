package com.relationship.contracts.status;

import com.relationship.contracts.account.ConversionLever;
import com.relationship.contracts.account.ProfitabilityDecision;

import java.time.Instant;
import java.util.List;

/**
 * The account team's latest decision about the account's profitability (ProfitabilityDecided): a FIRE is
 * shown here, not as a move of the lifecycle.
 *
 * @param levers  with a CONVERT, how it is to be converted; empty otherwise
 * @param since   when it was decided (the event's business time)
 * @param eventId the decision's event
 */
public record ProfitabilityStance(ProfitabilityDecision decision, List<ConversionLever> levers, Instant since,
                                  String eventId) {

    public ProfitabilityStance {
        levers = levers == null ? List.of() : List.copyOf(levers);
    }
}
