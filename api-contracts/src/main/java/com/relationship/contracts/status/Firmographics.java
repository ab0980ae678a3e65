package com.relationship.contracts.status;

import java.math.BigDecimal;

/** What kind of business the account is, as given at registration (docs/domain.md, "Registration"). */
public record Firmographics(String industry, int employeeCount, BigDecimal annualRevenue, String region) {
}
