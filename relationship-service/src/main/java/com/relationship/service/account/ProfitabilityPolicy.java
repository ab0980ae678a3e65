package com.relationship.service.account;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The configurable part of the profitability decisions ({@code relationship.profitability.*}).
 *
 * @param convertBeforeFire how long a CONVERT must have stood before the account may be fired: two quarters
 *                          by default (seed 000: fire those who stay unprofitable after trying to convert them)
 */
@ConfigurationProperties("relationship.profitability")
public record ProfitabilityPolicy(@DefaultValue("182d") Duration convertBeforeFire) {

    @ConstructorBinding
    public ProfitabilityPolicy {
        if (convertBeforeFire == null || convertBeforeFire.isNegative()) {
            throw new IllegalArgumentException("relationship.profitability.convert-before-fire must not be negative");
        }
    }

    public static ProfitabilityPolicy defaults() {
        return new ProfitabilityPolicy(Duration.ofDays(182));
    }
}
