package com.relationship.service.account;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How far a command's business time ({@code occurredAt}: when what it records happened) may lie
 * ahead of the service's clock: clocks of the callers drift, facts from the future do not exist.
 *
 * @param maxSkew how far ahead of now a business time is still taken as now's; 5 minutes by default
 */
@ConfigurationProperties("relationship.business-time")
public record BusinessTimePolicy(@DefaultValue("5m") Duration maxSkew) {

    public BusinessTimePolicy {
        if (maxSkew.isNegative() || maxSkew.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("relationship.business-time.max-skew must be between 0 and 1h, not "
                    + maxSkew);
        }
    }

    public static BusinessTimePolicy defaults() {
        return new BusinessTimePolicy(Duration.ofMinutes(5));
    }
}
