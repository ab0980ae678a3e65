package com.relationship.contracts.events;

import com.relationship.contracts.account.ConversionLever;
import com.relationship.contracts.account.ProfitabilityDecision;

import java.util.List;
import java.util.UUID;

/**
 * What the account team decided about the account's profitability (issue 29, seed 000): KEEP it, CONVERT it
 * with the {@code levers} named, or FIRE it once converting has been tried long enough. A decision, not a
 * move: a FIRE does not lapse the account.
 *
 * @param levers the levers of a CONVERT (at least one); empty for KEEP and FIRE
 */
public record ProfitabilityDecided(UUID accountId, ProfitabilityDecision decision, List<ConversionLever> levers,
                                   String rationale) implements AccountEvent {

    public ProfitabilityDecided {
        levers = levers == null ? List.of() : List.copyOf(levers);
    }

    @Override
    public <R> R accept(AccountEventVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
