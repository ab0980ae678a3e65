package com.relationship.projection.profitability;

import java.util.List;
import java.util.UUID;

/**
 * An account's profitability ledger: every line its events give, in the order they were folded.
 *
 * @param name the account's name, as registered (the portfolio's curve names its accounts)
 */
public record ProfitabilityView(UUID accountId, String name, List<Ledger> ledger, long lastAppliedSequence) {

    public ProfitabilityView {
        ledger = List.copyOf(ledger);
    }
}
