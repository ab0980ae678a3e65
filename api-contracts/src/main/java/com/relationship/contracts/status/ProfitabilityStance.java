package com.relationship.contracts.status;

import com.relationship.contracts.account.ConversionLever;
import com.relationship.contracts.account.ProfitabilityDecision;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What the account earns and costs over its trailing twelve months, and the account team's latest decision
 * about it (ProfitabilityDecided): a FIRE is shown here, not as a move of the lifecycle.
 * <p>
 * The decision comes from the events and is on the status topic. The trailing year is priced when it is
 * asked for, with the exchange rates and rate cards known then (as {@code GET /accounts/{id}/profitability}
 * does): it is in the REST answers, and null on the topic, whose statuses change with events only.
 *
 * @param decision     the latest decision; null before the first
 * @param levers       with a CONVERT, how it is to be converted; empty otherwise
 * @param since        when it was decided (the event's business time); null with decision
 * @param eventId      the decision's event; null with decision
 * @param trailingYear the account's revenue and profit over the twelve months up to and including the current
 *                     one; null on the topic, and before this instance has priced the portfolio once. Added later
 * @param belowZero    unprofitable over the trailing twelve months (profit below zero); null with trailingYear.
 *                     Added later
 */
public record ProfitabilityStance(ProfitabilityDecision decision, List<ConversionLever> levers, Instant since,
                                  String eventId, TrailingYear trailingYear, Boolean belowZero) {

    public ProfitabilityStance {
        levers = levers == null ? List.of() : List.copyOf(levers);
    }

    /** The decision alone, as the status topic carries it. */
    public ProfitabilityStance(ProfitabilityDecision decision, List<ConversionLever> levers, Instant since,
                               String eventId) {
        this(decision, levers, since, eventId, null, null);
    }

    /** This stance with the trailing year's figures, and whether it made a loss over it. */
    public ProfitabilityStance withTrailingYear(TrailingYear figures) {
        return new ProfitabilityStance(decision, levers, since, eventId, figures,
                figures == null ? null : figures.profit().signum() < 0);
    }

    /**
     * An account's figures over the trailing twelve months, in the reporting currency.
     *
     * @param window        "the 12 months to 2026-12"
     * @param from          its first month ({@code yyyy-MM}); to: the month after its last
     * @param revenue       what its purchases came to (those that could be converted)
     * @param profit        gross margin less the cost to serve
     * @param marginPercent profit as a share of revenue, %; null without revenue
     * @param complete      false when an amount had no exchange rate or an activity no price: the figures leave it
     *                      out, and {@code GET /accounts/{id}/profitability} lists it
     * @param pricedAt      when these figures were priced
     */
    public record TrailingYear(String window, String from, String to, String currency, BigDecimal revenue,
                               BigDecimal profit, BigDecimal marginPercent, boolean complete, Instant pricedAt) {
    }
}
