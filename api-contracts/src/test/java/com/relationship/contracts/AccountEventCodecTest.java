package com.relationship.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.relationship.contracts.account.LifecycleStage;
import com.relationship.contracts.events.AccountEventCodec;
import com.relationship.contracts.events.AccountLapsed;
import com.relationship.contracts.events.EnvelopedAccountEvent;
import com.relationship.contracts.events.LifecycleStageAdvanced;
import com.relationship.contracts.events.LifecycleStageDowngraded;
import com.relationship.contracts.events.PurchaseRecorded;
import com.relationship.contracts.events.UnknownAccountEventException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * The envelope's wire form. Besides the round trips, two golden messages pin it for consumers in
 * other languages: a message with every extension, and one as published before {@code clientid} and
 * {@code reason} travelled (still on the topic, forever: it keeps everything), which must still decode.
 * After a deliberate, additive change, delete the first and write it again with {@code -Dgolden.write=true};
 * never edit the second.
 */
class AccountEventCodecTest {

    private static final Path ENVELOPES = Path.of("src/test/resources/golden/envelope");

    private final AccountEventCodec codec = new AccountEventCodec();
    private final UUID account = UUID.randomUUID();
    private final EnvelopedAccountEvent enveloped = new EnvelopedAccountEvent("evt-1", account, 7,
            Instant.parse("2026-05-01T10:15:30.123Z"), "alice@sales", "corr-1", "cmd-1",
            new LifecycleStageAdvanced(account, LifecycleStage.ADVOCATE, LifecycleStage.PARTNER));
    private final EnvelopedAccountEvent explained = new EnvelopedAccountEvent("evt-3", account, 8,
            Instant.parse("2026-05-02T08:00:00Z"), "alice@sales", "corr-2", "cmd-2", "crm-sync",
            "Broke the co-development commitment",
            new LifecycleStageDowngraded(account, LifecycleStage.ADVOCATE, LifecycleStage.CLIENT,
                    "Broke the co-development commitment"));

    @Test
    void roundTripsEveryEnvelopeField() {
        assertThat(codec.decode(codec.encode(enveloped))).isEqualTo(enveloped);
        assertThat(codec.decode(codec.encode(explained))).isEqualTo(explained);
    }

    /** A history recorded late travels dated as it happened; a message from before business time reads as recorded. */
    @Test
    void theBusinessTimeTravelsAsAnExtensionAndDefaultsToTheRecordedTime() throws Exception {
        EnvelopedAccountEvent backdated = new EnvelopedAccountEvent("evt-5", account, 3,
                Instant.parse("2026-12-07T10:00:00Z"), "alice", "corr", "cmd", null, null,
                new LifecycleStageAdvanced(account, LifecycleStage.PROSPECT, LifecycleStage.CUSTOMER),
                Instant.parse("2024-12-01T09:00:00Z"));
        JsonNode json = ContractJson.newObjectMapper().readTree(codec.encode(backdated));
        assertThat(json.get("businesstime").asText()).isEqualTo("2024-12-01T09:00:00Z");
        assertThat(json.get("time").asText()).startsWith("2026-12-07T10:00");
        assertThat(codec.decode(codec.encode(backdated))).isEqualTo(backdated);

        EnvelopedAccountEvent old = codec.decode(Files.readAllBytes(ENVELOPES.resolve("before-reason-and-client.json")));
        assertThat(old.businessTime()).isEqualTo(old.occurredAt());
        String broken = new String(codec.encode(backdated), StandardCharsets.UTF_8).replace("2024-12-01T09:00:00Z", "yesterday");
        assertThatThrownBy(() -> codec.decode(broken.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnknownAccountEventException.class);
    }

    @Test
    void theReasonAndClientIdTravelAsExtensionsOnlyWhenThereAreSome() throws Exception {
        JsonNode withReason = ContractJson.newObjectMapper().readTree(codec.encode(explained));
        assertThat(withReason.get("reason").asText()).isEqualTo("Broke the co-development commitment");
        assertThat(withReason.get("clientid").asText()).isEqualTo("crm-sync");

        JsonNode without = ContractJson.newObjectMapper().readTree(codec.encode(enveloped));
        assertThat(without.has("reason")).isFalse();
        assertThat(without.has("clientid")).isFalse();
        EnvelopedAccountEvent decoded = codec.decode(codec.encode(enveloped));
        assertThat(decoded.reason()).isNull();
        assertThat(decoded.clientId()).isNull();
    }

    @Test
    void aMultilineReasonInAnyScriptComesBackAsWritten() {
        String reason = "Caf\u00e9 ferm\u00e9\n\u2014 \"d\u00e9m\u00e9nagement\" \u6e2f";
        EnvelopedAccountEvent lapsed = new EnvelopedAccountEvent("evt-4", account, 9, Instant.parse("2026-05-03T00:00:00Z"),
                "bob", "corr", "cmd", null, reason, new AccountLapsed(account, LifecycleStage.CLIENT, reason));
        assertThat(codec.decode(codec.encode(lapsed)).reason()).isEqualTo(reason);
    }

    @Test
    void aMessageWithEveryExtensionMatchesItsGoldenFile() throws Exception {
        Path file = ENVELOPES.resolve("with-reason-and-client.json");
        ObjectMapper mapper = ContractJson.newObjectMapper();
        JsonNode encoded = mapper.readTree(codec.encode(golden()));
        if (!Files.exists(file)) {
            if (Boolean.getBoolean("golden.write")) {
                Files.writeString(file, mapper.writerWithDefaultPrettyPrinter().writeValueAsString(encoded) + "\n");
            } else {
                fail("No golden envelope " + file + ": write it with -Dgolden.write=true");
            }
        }
        assertThat(encoded).isEqualTo(mapper.readTree(file.toFile()));
        assertThat(codec.decode(Files.readAllBytes(file))).isEqualTo(golden());
    }

    /** Messages already on the topic have neither extension: they decode as before, with nulls. */
    @Test
    void aMessagePublishedBeforeTheReasonTravelledStillDecodes() throws Exception {
        EnvelopedAccountEvent old = codec.decode(Files.readAllBytes(ENVELOPES.resolve("before-reason-and-client.json")));
        EnvelopedAccountEvent g = golden();
        assertThat(old).isEqualTo(new EnvelopedAccountEvent(g.eventId(), g.accountId(), g.sequence(), g.occurredAt(),
                g.actor(), g.correlationId(), g.causationId(), g.event()));
        assertThat(old.reason()).isNull();
        assertThat(old.clientId()).isNull();
    }

    private static EnvelopedAccountEvent golden() {
        UUID id = UUID.fromString("5b0c1f9e-7d53-4c4e-9a51-2f7c3b7f0a11");
        return new EnvelopedAccountEvent("3f1e2d4c-5b6a-4978-8a1b-2c3d4e5f6a7b", id, 12,
                Instant.parse("2026-09-02T08:15:00.123Z"), "alice@sales", "c0ffee00-1234-4abc-9def-0123456789ab",
                "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", "crm-sync", "Switched to a competitor",
                new AccountLapsed(id, LifecycleStage.CLIENT, "Switched to a competitor"),
                Instant.parse("2026-08-31T17:00:00Z"));
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

    /** What a reader that follows only positions takes from a message: its sequence, wherever it stands, data unread. */
    @Test
    void readsTheSequenceAloneFromEveryFormOfTheEnvelope() throws Exception {
        assertThat(codec.sequenceOf(codec.encode(enveloped))).isEqualTo(7);
        assertThat(codec.sequenceOf(codec.encode(explained))).isEqualTo(8);
        assertThat(codec.sequenceOf(Files.readAllBytes(ENVELOPES.resolve("with-reason-and-client.json")))).isEqualTo(12);
        assertThat(codec.sequenceOf(Files.readAllBytes(ENVELOPES.resolve("before-reason-and-client.json")))).isEqualTo(12);
        String sequenceAfterData = "{\"data\":{\"sequence\":99,\"nested\":[{\"sequence\":98}]},\"sequence\":\"41\"}";
        assertThat(codec.sequenceOf(sequenceAfterData.getBytes(StandardCharsets.UTF_8)))
                .as("a field named sequence inside data is not the envelope's; a string extension value reads too")
                .isEqualTo(41);
        for (String message : new String[]{"not json", "{\"hello\":\"world\"}", "[]", "{\"sequence\":\"x\"}"}) {
            assertThatThrownBy(() -> codec.sequenceOf(message.getBytes(StandardCharsets.UTF_8))).as(message)
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
