package com.relationship.projection.profitability;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/**
 * What each account earns and costs, and the portfolio's whale curve (issue 29), for the account teams
 * deciding where their effort goes: every figure in the reporting currency, with the events it is made
 * of and what could not be priced.
 */
@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Profitability", description = "Revenue, gross margin, cost to serve and profit per account, and the"
        + " portfolio's whale curve")
public class ProfitabilityController {

    private final Profitability profitability;

    public ProfitabilityController(Profitability profitability) {
        this.profitability = profitability;
    }

    @GetMapping("/api/v1/accounts/{id}/profitability")
    @Operation(operationId = "getProfitability", summary = "What one account earns and costs, period by period (reader)",
            description = "Per calendar period (P1M months, P3M quarters, P1Y years, UTC), the current one first, and over"
                    + " the account's lifetime: revenue, gross margin (the purchase's own, its amount less its cost of"
                    + " goods, or the assumed share, said so), the cost to serve by activity (interactions, complaints,"
                    + " customization bonds and service activities priced by the activity rate card of their month;"
                    + " known costs converted), profit and margin %, in the reporting currency at the exchange rates of"
                    + " each month. Each figure names its events; an amount without a rate or an activity without a"
                    + " price is left out and listed (unconverted, unpriced), never converted at 1. 404"
                    + " (/problems/account-not-found) for an unknown account.")
    public ProfitabilityReport profitability(
            @PathVariable UUID id,
            @Parameter(description = "P1M, P3M or P1Y") @RequestParam(defaultValue = "P1Y")
            ProfitabilityReport.PeriodLength period,
            @Parameter(description = "How many periods, the current one first (1 to 36)") @RequestParam(defaultValue = "3")
            @Min(1) @Max(36) int periods) {
        return profitability.of(id, period, periods);
    }

    @GetMapping("/api/v1/portfolio/whale-curve")
    @Operation(operationId = "getWhaleCurve", summary = "The whale curve of the portfolio (reader)",
            description = "Every account with revenue or cost in the months up to and including the current one (P1M"
                    + " one, P3M three, P1Y twelve), ranked by profit: the cumulative share of total profit from 0"
                    + " to 100% of the accounts (after each account up to 100 accounts, else at each whole percent: the"
                    + " curve a chart draws), its peak, the profitable accounts, those that"
                    + " break even (margin within ±2% of revenue) and the unprofitable tail, and the seed's reading of"
                    + " it. The most profitable and the unprofitable accounts are listed, each at most limit. Answered from"
                    + " the ranking each instance keeps in memory and refreshes about every second"
                    + " (projection.profitability.ranking.poll): at says when it was ranked.")
    public WhaleCurve whaleCurve(
            @Parameter(description = "P1M, P3M or P1Y") @RequestParam(defaultValue = "P1Y")
            ProfitabilityReport.PeriodLength period,
            @Parameter(description = "How many accounts the top and the tail list at most (1 to 1000)")
            @RequestParam(defaultValue = "50") @Min(1) @Max(1000) int limit) {
        return profitability.whaleCurve(period, limit);
    }
}
