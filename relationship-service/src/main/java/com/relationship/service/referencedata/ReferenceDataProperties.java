package com.relationship.service.referencedata;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.Currency;

/**
 * Reference data that is no account's ({@code relationship.reference-data.*}).
 *
 * @param reportingCurrency the ISO 4217 code every exchange rate converts into and every activity rate is
 *                          in: a currency with minor units (not XAU, XDR or XXX), checked at start-up. Each
 *                          version of the data names the one it was set in, so a change of it later does
 *                          not change what an earlier version says. An annual revenue registered without a
 *                          currency is recorded in it ({@code ReferenceDataConfiguration}).
 * @param publishEvery      how often versions not yet on the topic are looked for (those a failed or
 *                          interrupted publish left behind; a new version is published at once)
 */
@ConfigurationProperties("relationship.reference-data")
public record ReferenceDataProperties(@DefaultValue("EUR") Currency reportingCurrency,
                                      @DefaultValue("5s") Duration publishEvery) {

    public ReferenceDataProperties {
        if (reportingCurrency == null || reportingCurrency.getDefaultFractionDigits() < 0) {
            throw new IllegalArgumentException("relationship.reference-data.reporting-currency (" + reportingCurrency
                    + ") must be an ISO 4217 code of a currency money is paid in, such as EUR or USD");
        }
        if (publishEvery == null || publishEvery.isNegative() || publishEvery.isZero()) {
            throw new IllegalArgumentException("relationship.reference-data.publish-every must be positive");
        }
    }
}
