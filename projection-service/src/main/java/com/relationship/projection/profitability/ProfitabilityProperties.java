package com.relationship.projection.profitability;

import com.relationship.contracts.Topics;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * What each account earns and costs ({@code projection.profitability.*}, issue 29).
 *
 * @param reportingCurrency  the currency every figure is in: relationship-service's
 *                           {@code relationship.reference-data.reporting-currency}. Exchange rates and rate cards
 *                           set in another one are not used (the figures say so); checked at start-up
 * @param assumedGrossMargin the share of a purchase's amount taken as its gross margin when the purchase says
 *                           neither its margin nor its cost of goods (0 to 1); every figure that uses it says
 *                           so, with the purchases
 * @param referenceDataTopic where the exchange rates and the activity rate card are read from
 * @param convertBeforeFire  how long a CONVERT must have stood before FIRE is suggested: relationship-service's
 *                           {@code relationship.profitability.convert-before-fire}, which refuses a FIRE before it
 * @param ranking            how the whale curve's ranking kept in memory follows the collection
 */
@ConfigurationProperties("projection.profitability")
public record ProfitabilityProperties(@DefaultValue("EUR") Currency reportingCurrency,
                                      @DefaultValue("0.30") BigDecimal assumedGrossMargin,
                                      @DefaultValue(Topics.REFERENCE_DATA) String referenceDataTopic,
                                      @DefaultValue("182d") java.time.Duration convertBeforeFire,
                                      @DefaultValue Ranking ranking) {

    /**
     * @param poll       how often the accounts written since are read ({@code PortfolioRanking})
     * @param lookBack   how far before its last read it reads again: the writing instances' clocks may be that
     *                   far apart, and a write in flight that late
     * @param fullReload how often the whole collection is loaded again (after a rebuild's swap it is another one)
     * @param busyPoll   how long it waits instead of {@code poll} after a read of over a thousand changed accounts (a
     *                   catch-up): each read reads the look-back again
     */
    public record Ranking(@DefaultValue("1s") java.time.Duration poll, @DefaultValue("3s") java.time.Duration lookBack,
                          @DefaultValue("1h") java.time.Duration fullReload,
                          @DefaultValue("10s") java.time.Duration busyPoll) {

        public Ranking {
            if (poll.isNegative() || poll.isZero() || lookBack.isNegative() || fullReload.compareTo(poll) < 0
                    || busyPoll.compareTo(poll) < 0) {
                throw new IllegalArgumentException("projection.profitability.ranking: poll (" + poll + ") must be positive,"
                        + " look-back (" + lookBack + ") not negative, full-reload (" + fullReload + ") and busy-poll ("
                        + busyPoll + ") at least the poll");
            }
        }
    }

    public ProfitabilityProperties {
        if (reportingCurrency == null || reportingCurrency.getDefaultFractionDigits() < 0) {
            throw new IllegalArgumentException("projection.profitability.reporting-currency (" + reportingCurrency
                    + ") must be an ISO 4217 code of a currency money is paid in, such as EUR or USD");
        }
        if (assumedGrossMargin == null || assumedGrossMargin.signum() < 0 || assumedGrossMargin.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("projection.profitability.assumed-gross-margin (" + assumedGrossMargin
                    + ") must be a share from 0 to 1, such as 0.30");
        }
    }
}
