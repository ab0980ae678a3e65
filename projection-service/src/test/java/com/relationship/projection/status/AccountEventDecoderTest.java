package com.relationship.projection.status;

import com.relationship.contracts.events.AccountEventCodec;
import com.relationship.contracts.events.EnvelopedAccountEvent;
import com.relationship.contracts.events.PurchaseRecorded;
import com.relationship.contracts.events.UnknownAccountEventException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountEventDecoderTest {

    private final AccountEventCodec codec = new AccountEventCodec();
    private final AccountEventDecoder decoder = new AccountEventDecoder(codec);

    @Test
    void moneyComesBackExactWithItsScale() {
        for (String amount : new String[]{"12345678901234567.80", "48000.50", "250000000.00", "0.1", "1E+3"}) {
            EnvelopedAccountEvent event = AccountHistory.registered(UUID.randomUUID(), "Acme")
                    .then(id -> new PurchaseRecorded(id, UUID.randomUUID(), new BigDecimal(amount), "EUR",
                            Instant.parse("2026-01-10T00:00:00.123456Z"), "Licence")).get(1);

            EnvelopedAccountEvent decoded = decoder.decode(codec.encode(event));

            assertThat(decoded).as(amount).isEqualTo(event);
            assertThat(((PurchaseRecorded) decoded.event()).amount().toString()).as(amount)
                    .isEqualTo(new BigDecimal(amount).toString());
        }
    }

    @Test
    void theWholeEnvelopeRoundTrips() {
        AccountHistory history = AccountHistory.registered(UUID.randomUUID(), "Acme");
        assertThat(decoder.decode(codec.encode(history.get(0)))).isEqualTo(history.get(0));
    }

    @Test
    void notACloudEventIsUnknown() {
        for (String message : new String[]{"not json", "{\"hello\":\"world\"}", "[]"}) {
            assertThatThrownBy(() -> decoder.decode(message.getBytes(StandardCharsets.UTF_8))).as(message)
                    .isInstanceOf(UnknownAccountEventException.class);
        }
    }

    @Test
    void anUnknownTypeIsUnknown() {
        String message = "{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/x\",\"type\":\"com.relationship.account.Nope.v1\","
                + "\"subject\":\"" + UUID.randomUUID() + "\",\"data\":{}}";
        assertThatThrownBy(() -> decoder.decode(message.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnknownAccountEventException.class).hasMessageContaining("com.relationship.account.Nope.v1");
    }
}
