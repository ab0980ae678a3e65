package com.relationship.contracts.status;

import java.math.BigDecimal;

/** Seed 002's "identify your customers": what kind of business the account is. */
public record Firmographics(String industry, int employeeCount, BigDecimal annualRevenue, String region) {
}
