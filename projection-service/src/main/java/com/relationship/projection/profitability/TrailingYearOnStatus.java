package com.relationship.projection.profitability;

import com.relationship.contracts.status.AccountStatus;
import com.relationship.contracts.status.ProfitabilityStance;
import com.relationship.projection.status.StatusFigures;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * Answers each status with its trailing twelve months' revenue and profit, and whether they were below
 * zero (issue 29), as the portfolio's ranking last priced them: in memory, so a page of statuses costs no
 * more reads. An account with nothing earned nor spent over them shows zeros; one the ranking has not read
 * yet (a second or so after its first event), or any before this instance has priced the portfolio once,
 * shows none (null).
 */
public class TrailingYearOnStatus implements StatusFigures {

    private final PortfolioRanking ranking;
    private final String currency;
    private final Clock clock;

    public TrailingYearOnStatus(PortfolioRanking ranking, ProfitabilityProperties properties, Clock clock) {
        this.ranking = ranking;
        this.currency = properties.reportingCurrency().getCurrencyCode();
        this.clock = clock;
    }

    @Override
    public AccountStatus withFigures(AccountStatus status) {
        Instant pricedAt = ranking.pricedAt();
        if (pricedAt == null || !ranking.holds(status.accountId())) {
            return status; // not priced yet: absent, rather than zeros that would say it earned nothing
        }
        Instant now = clock.instant();
        ProfitabilityReport.PeriodLength year = ProfitabilityReport.PeriodLength.P1Y;
        WhaleCurve.Entry entry = ranking.entry(status.accountId(), year);
        ProfitabilityStance.TrailingYear figures = new ProfitabilityStance.TrailingYear(year.trailingLabel(now),
                year.trailingFrom(now).toString(), YearMonth.from(now.atOffset(ZoneOffset.UTC)).plusMonths(1).toString(),
                currency, entry == null ? Pricing.money(BigDecimal.ZERO) : Pricing.money(entry.revenue()),
                entry == null ? Pricing.money(BigDecimal.ZERO) : Pricing.money(entry.profit()),
                entry == null ? null : entry.marginPercent(), entry == null || entry.complete(), pricedAt);
        ProfitabilityStance stance = status.profitability() == null
                ? new ProfitabilityStance(null, null, null, null) : status.profitability();
        return status.withProfitability(stance.withTrailingYear(figures));
    }
}
