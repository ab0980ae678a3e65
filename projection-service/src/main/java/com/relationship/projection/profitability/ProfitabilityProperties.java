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
 */
@ConfigurationProperties("projection.profitability")
public record ProfitabilityProperties(@DefaultValue("EUR") Currency reportingCurrency,
                                      @DefaultValue("0.30") BigDecimal assumedGrossMargin,
                                      @DefaultValue(Topics.REFERENCE_DATA) String referenceDataTopic,
                                      @DefaultValue("182d") java.time.Duration convertBeforeFire) {

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
