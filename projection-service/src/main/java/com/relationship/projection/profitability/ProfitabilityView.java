package com.relationship.projection.profitability;

import com.relationship.account.ConvertingSince;

import java.util.List;
import java.util.UUID;

/**
 * An account's profitability ledger: every line its events give, in the order they were folded.
 *
 * @param name      the account's name, as registered (the portfolio's curve names its accounts)
 * @param decisions the profitability decisions recorded, oldest first
 */
public record ProfitabilityView(UUID accountId, String name, List<Ledger> ledger, List<Decision> decisions,
                                long lastAppliedSequence) {

    public ProfitabilityView {
        ledger = List.copyOf(ledger);
        decisions = List.copyOf(decisions);
    }

    /** Since when a CONVERT stands, as relationship-service's rule for a FIRE reads it; null when none does. */
    public java.time.Instant convertingSince() {
        java.time.Instant since = null;
        for (Decision d : decisions) {
            since = ConvertingSince.after(since, d.decision(), d.at());
        }
        return since;
    }

    /** The latest decision; null before the first. */
    public Decision latestDecision() {
        return decisions.isEmpty() ? null : decisions.get(decisions.size() - 1);
    }
}
