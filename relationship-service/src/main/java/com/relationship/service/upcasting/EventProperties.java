package com.relationship.service.upcasting;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.Currency;

/**
 * How old stored forms of events are read ({@code relationship.events.*}).
 *
 * @param defaultCurrency the currency of a purchase stored before purchases named theirs
 *                        (PurchaseRecorded revision 1, {@link PurchaseRecordedUpcaster}): an ISO
 *                        4217 code of a currency with minor units (not XAU, XDR or XXX), checked
 *                        at start-up. Read on every load of such an event, never stored: changing
 *                        it changes what those purchases say.
 */
@ConfigurationProperties("relationship.events")
public record EventProperties(@DefaultValue("EUR") Currency defaultCurrency) {

    public EventProperties {
        if (defaultCurrency == null || defaultCurrency.getDefaultFractionDigits() < 0) {
            throw new IllegalArgumentException("relationship.events.default-currency (" + defaultCurrency
                    + ") must be an ISO 4217 code of a currency money is paid in, such as EUR or USD");
        }
    }
}
