package com.relationship.service.account;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The configurable part of the lifecycle rules.
 *
 * @param repeatPurchasesForClient how many purchases after the first make a CUSTOMER a CLIENT
 */
@ConfigurationProperties("relationship.lifecycle")
public record LifecyclePolicy(@DefaultValue("2") int repeatPurchasesForClient) {

    public LifecyclePolicy {
        if (repeatPurchasesForClient < 1) {
            throw new IllegalArgumentException("relationship.lifecycle.repeat-purchases-for-client must be at least 1");
        }
    }

    public static LifecyclePolicy defaults() {
        return new LifecyclePolicy(2);
    }
}
