package com.relationship.projection.value;

import com.relationship.projection.readmodel.AccountNotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/**
 * What each account is worth over its lifetime and how it ranks (issue 30, seed 002's "Differentiate your
 * customers"), for the account teams deciding whom to treat how.
 */
@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Value", description = "Lifetime value, its six indices, the rank and value tier of each account, and the"
        + " portfolio by tier")
public class ValueController {

    /** The newest tier changes an account's value shows. */
    static final int HISTORY_SHOWN = 50;

    private final ValueRanking ranking;
    private final TierLedger ledger;

    public ValueController(ValueRanking ranking, TierLedger ledger) {
        this.ranking = ranking;
        this.ledger = ledger;
    }

    @GetMapping("/api/v1/accounts/{id}/value")
    @Operation(operationId = "getValue", summary = "One account's lifetime value, rank and tier (reader)",
            description = "The lifetime value score 0-100 as the sum of seed 002's six indices (average revenue 20,"
                    + " revenue change 25, current relationship 15, technology entanglement 20, share of client 10,"
                    + " partnership 10 points by default: projection.value.weights), each with its score, points,"
                    + " inputs, sentence and events; for a client (CUSTOMER to PARTNER) its rank among the clients,"
                    + " where that falls from the top, its tier (MVC, MGC, MIGRATOR, BZ by the cuts at 10/50/75%:"
                    + " projection.value.tier-cuts; BZ whatever its rank when it lost money over the trailing twelve"
                    + " months) and the tier's treatment; the share of wallet per category and the relationship level."
                    + " Answered from the ranking each instance keeps, scored again at most every 5 s after a change"
                    + " (at says when). tierHistory: the account's changes of tier as published on"
                    + " relationship.account-value.v1, each with its cause (the newest 50). 404 (/problems/account-not-found) for an account the ranking has not read.")
    public AccountValue value(@PathVariable UUID id) {
        AccountValue value = ranking.of(id);
        if (value == null) {
            throw new AccountNotFoundException(id);
        }
        return value.withTierHistory(ledger.history(id, HISTORY_SHOWN));
    }

    @GetMapping("/api/v1/portfolio/tiers")
    @Operation(operationId = "getTiers", summary = "The portfolio by value tier (reader)",
            description = "Per tier: its accounts and their share of the ranked clients, their revenue and profit over"
                    + " the trailing twelve months, how many of them lost money, and the seed's treatment; per owner"
                    + " (null: nobody owns them), the accounts in each tier, and where that exceeds what one"
                    + " salesperson manages in the seed (an MVC at most one, MGCs at most six, MIGRATORs 25).")
    public PortfolioTiers tiers() {
        return ranking.tiers();
    }
}
