package com.relationship.contracts.status;

import java.math.BigDecimal;

/**
 * What kind of business the account is, as given at registration (docs/domain.md, "Registration").
 *
 * @param annualRevenueCurrency the ISO 4217 code {@code annualRevenue} is in: the registration's, or the
 *                              reporting currency for a registration recorded before it named one; null when
 *                              there is no annual revenue. Added later: null where it is absent
 */
public record Firmographics(String industry, int employeeCount, BigDecimal annualRevenue, String region,
                            String annualRevenueCurrency) {

    /** The form before the annual revenue's currency was added: none. */
    public Firmographics(String industry, int employeeCount, BigDecimal annualRevenue, String region) {
        this(industry, employeeCount, annualRevenue, region, null);
    }
}
