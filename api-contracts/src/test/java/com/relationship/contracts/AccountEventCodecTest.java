package com.relationship.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.relationship.contracts.account.LifecycleStage;
import com.relationship.contracts.events.AccountEventCodec;
import com.relationship.contracts.events.EnvelopedAccountEvent;
import com.relationship.contracts.events.LifecycleStageAdvanced;
import com.relationship.contracts.events.PurchaseRecorded;
import com.relationship.contracts.events.UnknownAccountEventException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountEventCodecTest {

    private final AccountEventCodec codec = new AccountEventCodec();
    private final UUID account = UUID.randomUUID();
    private final EnvelopedAccountEvent enveloped = new EnvelopedAccountEvent("evt-1", account, 7,
            Instant.parse("2026-05-01T10:15:30.123Z"), "alice@sales", "corr-1", "cmd-1",
            new LifecycleStageAdvanced(account, LifecycleStage.ADVOCATE, LifecycleStage.PARTNER));

    @Test
    void roundTripsEveryEnvelopeField() {
        assertThat(codec.decode(codec.encode(enveloped))).isEqualTo(enveloped);
    }

    @Test
    void writesCloudEventsOneDotZeroStructuredJson() throws Exception {
        JsonNode json = ContractJson.newObjectMapper().readTree(codec.encode(enveloped));
        assertThat(json.get("specversion").asText()).isEqualTo("1.0");
        assertThat(json.get("type").asText()).isEqualTo("com.relationship.account.LifecycleStageAdvanced.v1");
        assertThat(json.get("subject").asText()).isEqualTo(account.toString());
        assertThat(json.get("sequence").asLong()).isEqualTo(7);
        assertThat(json.get("actor").asText()).isEqualTo("alice@sales");
        assertThat(json.get("correlationid").asText()).isEqualTo("corr-1");
        assertThat(json.get("causationid").asText()).isEqualTo("cmd-1");
        assertThat(json.get("data").get("to").asText()).isEqualTo("PARTNER");
    }

    @Test
    void refusesATypeItDoesNotKnow() {
        String unknown = new String(codec.encode(enveloped), StandardCharsets.UTF_8)
                .replace("LifecycleStageAdvanced.v1", "LifecycleStageAdvanced.v2");
        assertThatThrownBy(() -> codec.decode(unknown.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnknownAccountEventException.class)
                .hasMessageContaining("LifecycleStageAdvanced.v2");
    }

    @Test
    void refusesSomethingThatIsNotACloudEvent() {
        for (String message : new String[]{"not json", "{\"hello\":\"world\"}", "[]"}) {
            assertThatThrownBy(() -> codec.decode(message.getBytes(StandardCharsets.UTF_8))).as(message)
                    .isInstanceOf(UnknownAccountEventException.class);
        }
    }

    @Test
    void moneyComesBackExactWithItsScale() {
        for (String amount : new String[]{"12345678901234567.80", "48000.50", "250000000.00", "0.1", "1E+3"}) {
            EnvelopedAccountEvent purchase = new EnvelopedAccountEvent("evt-2", account, 3,
                    Instant.parse("2026-01-10T00:00:00.123456Z"), "alice", "corr", "cmd",
                    new PurchaseRecorded(account, UUID.randomUUID(), new BigDecimal(amount), "EUR",
                            Instant.parse("2026-01-10T00:00:00.123456Z"), "Licence"));

            EnvelopedAccountEvent decoded = codec.decode(codec.encode(purchase));

            assertThat(decoded).as(amount).isEqualTo(purchase);
            assertThat(((PurchaseRecorded) decoded.event()).amount().toString()).as(amount)
                    .isEqualTo(new BigDecimal(amount).toString());
        }
    }
}
