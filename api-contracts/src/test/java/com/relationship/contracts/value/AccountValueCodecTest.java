package com.relationship.contracts.value;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountValueCodecTest {

    private final AccountValueCodec codec = new AccountValueCodec();
    private final AccountValueTierChanged change = new AccountValueTierChanged(
            UUID.fromString("5b0c1f9e-7d53-4c4e-9a51-2f7c3b7f0a11"), 3, "MVC", "MGC", new BigDecimal("41.5"), 2, 40,
            new BigDecimal("2.5"), Instant.parse("2026-09-02T08:15:00.123456Z"),
            new AccountValueTierChanged.Cause("SCORE", "Its score rose from 35.8 to 41.5.", new BigDecimal("35.8"), 7));

    @Test
    void aChangeSurvivesTheCloudEventRoundTrip() {
        byte[] message = codec.encode(change);

        assertThat(codec.decode(message)).isEqualTo(change);
        assertThat(new String(message, StandardCharsets.UTF_8))
                .contains("\"type\":\"com.relationship.value.AccountValueTierChanged.v1\"")
                .contains("\"subject\":\"5b0c1f9e-7d53-4c4e-9a51-2f7c3b7f0a11\"")
                .contains("\"score\":41.5");
    }

    @Test
    void aReSendHasTheSameIdAndTheNextChangeAnother() {
        AccountValueTierChanged next = new AccountValueTierChanged(change.accountId(), 4, "MGC", "MVC", change.score(),
                9, 40, new BigDecimal("20.0"), change.at(), change.cause());
        assertThat(AccountValueCodec.idOf(change)).isEqualTo(AccountValueCodec.idOf(change))
                .isNotEqualTo(AccountValueCodec.idOf(next));
    }

    @Test
    void anotherTypeIsRefused() {
        byte[] event = ("{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/x\",\"type\":\"other\","
                + "\"datacontenttype\":\"application/json\",\"data\":{}}").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> codec.decode(event)).hasMessageContaining("Not a " + AccountValueTierChanged.SCHEMA);
    }
}
