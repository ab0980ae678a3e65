package com.relationship.service.relay;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A relay batch must end inside its segment's claim, or another instance could take the segment over mid-batch. */
class RelayConfigurationTest {

    private static void check(Duration ackTimeout, Duration claimTimeout) {
        RelayConfiguration.requireAckWithinClaim(ackTimeout, claimTimeout, RelayConfiguration.claimExtension(claimTimeout));
    }

    @Test
    void theDefaultsFit() {
        assertThatCode(() -> check(Duration.ofSeconds(5), Duration.ofSeconds(10))).doesNotThrowAnyException();
    }

    @Test
    void anAckTimeoutAsLongAsTheClaimFailsStartUpNamingBothSettings() {
        assertThatThrownBy(() -> check(Duration.ofSeconds(10), Duration.ofSeconds(10)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("relationship.relay.ack-timeout (PT10S)")
                .hasMessageContaining("relationship.event-store.token-claim-timeout (PT10S)");
    }

    @Test
    void anAckTimeoutThatLeavesNoRoomForTheClaimExtensionFails() {
        assertThatThrownBy(() -> check(Duration.ofSeconds(9), Duration.ofSeconds(10)))
                .isInstanceOf(IllegalStateException.class);
    }
}
