package com.relationship.service.account;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The configurable part of the lifecycle rules.
 *
 * @param repeatPurchasesForClient   how many purchases after the first make a CUSTOMER a CLIENT
 * @param complianceReviewValidity   how old, at the move, the APPROVED compliance review that clears PARTNER
 *                                   (and PARTNERSHIP_KAM) may be: dependency and cartel risk change
 */
@ConfigurationProperties("relationship.lifecycle")
public record LifecyclePolicy(@DefaultValue("2") int repeatPurchasesForClient,
                              @DefaultValue("365d") Duration complianceReviewValidity) {

    @ConstructorBinding
    public LifecyclePolicy {
        if (complianceReviewValidity.isNegative() || complianceReviewValidity.isZero()) {
            throw new IllegalArgumentException("relationship.lifecycle.compliance-review-validity must be positive");
        }
        if (repeatPurchasesForClient < 1) {
            throw new IllegalArgumentException("relationship.lifecycle.repeat-purchases-for-client must be at least 1");
        }
    }

    public static LifecyclePolicy defaults() {
        return new LifecyclePolicy(2);
    }

    /** With the default review validity (a year). */
    public LifecyclePolicy(int repeatPurchasesForClient) {
        this(repeatPurchasesForClient, Duration.ofDays(365));
    }
}
