package com.relationship.service.account;

import java.util.Currency;

/**
 * The currency the business reports in ({@code relationship.reference-data.reporting-currency}): an annual
 * revenue registered without a currency is recorded in it (issue 29).
 */
public record ReportingCurrency(Currency currency) {

    public ReportingCurrency {
        if (currency == null) {
            throw new IllegalArgumentException("a reporting currency is required");
        }
    }

    /** The code events carry. */
    public String code() {
        return currency.getCurrencyCode();
    }

    /** EUR, the default of {@code relationship.reference-data.reporting-currency}. */
    public static ReportingCurrency defaults() {
        return new ReportingCurrency(Currency.getInstance("EUR"));
    }
}
