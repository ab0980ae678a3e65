package com.relationship.service.upcasting;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.relationship.contracts.ContractJson;
import com.relationship.contracts.account.Classification;
import com.relationship.contracts.events.AccountRegistered;
import com.relationship.contracts.events.PurchaseRecorded;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Stored JSON documents of PurchaseRecorded's first form, read through the upcaster as the event store reads them. */
class PurchaseRecordedUpcasterTest {

    private static final UUID ACCOUNT = UUID.fromString("5f0c3a52-7d4e-4c1b-9a63-2f1e8b0d4c71");
    private static final Instant AT = Instant.parse("2026-05-01T10:00:00Z");

    private final ObjectMapper json = ContractJson.newObjectMapper();
    private final Serializer serializer = JacksonSerializer.builder()
            .objectMapper(json).revisionResolver(new StoredRevisions()).build();
    private final PurchaseRecordedUpcaster upcaster = new PurchaseRecordedUpcaster(Currency.getInstance("EUR"));

    private static PurchaseRecorded purchase(String currency) {
        return new PurchaseRecorded(ACCOUNT, UUID.fromString("0b7e2f3c-1111-4a2b-8c3d-4e5f60718293"),
                new BigDecimal("120.00"), currency, AT, "licence");
    }

    /** The stored payload of a purchase, as JSON text, without its currency field when that is null. */
    private String payload(PurchaseRecorded purchase) {
        ObjectNode node = json.valueToTree(purchase);
        if (purchase.currency() == null) {
            node.remove("currency");
        }
        return node.toString();
    }

    private Object read(String payloadType, String revision, String payload, PurchaseRecordedUpcaster with) {
        GenericDomainEventEntry<String> stored = new GenericDomainEventEntry<>("Account", ACCOUNT.toString(), 1,
                UUID.randomUUID().toString(), AT, payloadType, revision, payload, "{}");
        DomainEventStream events = EventStreamUtils.upcastAndDeserializeDomainEvents(
                Stream.of(stored), serializer, with);
        DomainEventMessage<?> event = events.next();
        assertThat(events.hasNext()).isFalse();
        return event.getPayload();
    }

    private Object read(String revision, String payload) {
        return read(PurchaseRecorded.class.getName(), revision, payload, upcaster);
    }

    @Test
    void aFirstRevisionPurchaseWithoutCurrencyIsReadInTheDefaultCurrency() {
        String stored = payload(purchase(null));
        assertThat(stored).doesNotContain("currency");

        assertThat(read("1", stored)).isEqualTo(purchase("EUR"));
        assertThat(read(PurchaseRecorded.class.getName(), "1", stored,
                new PurchaseRecordedUpcaster(Currency.getInstance("USD")))).isEqualTo(purchase("USD"));
    }

    @Test
    void aNullCurrencyOrAMissingRevisionIsTheFirstFormToo() {
        assertThat(read("1", payload(purchase(null)).replace("{", "{\"currency\":null,"))).isEqualTo(purchase("EUR"));
        assertThat(read(null, payload(purchase(null)))).isEqualTo(purchase("EUR"));
    }

    @Test
    void aPurchaseThatNamesItsCurrencyKeepsIt() {
        assertThat(read("1", payload(purchase("GBP")))).isEqualTo(purchase("GBP"));
        assertThat(read("2", payload(purchase("GBP")))).isEqualTo(purchase("GBP"));
    }

    @Test
    void theCurrentRevisionAndOtherEventsAreNotTouched() {
        // A revision-2 payload without a currency is broken, not old: it is read as stored.
        assertThat(((PurchaseRecorded) read("2", payload(purchase(null)))).currency()).isNull();
        AccountRegistered registered = new AccountRegistered(ACCOUNT, "Initech", "Software", 300, null, "NA",
                Classification.TACTICAL);
        assertThat(read(AccountRegistered.class.getName(), "1", json.valueToTree(registered).toString(), upcaster))
                .isEqualTo(registered);
    }

    @Test
    void purchasesAreStoredAtRevisionTwoAndEveryOtherEventAsBefore() {
        StoredRevisions revisions = new StoredRevisions();
        assertThat(revisions.revisionOf(PurchaseRecorded.class)).isEqualTo("2");
        assertThat(revisions.revisionOf(AccountRegistered.class)).isEqualTo("1");
        assertThat(revisions.revisionOf(String.class)).isNull();
        assertThat(serializer.typeForClass(PurchaseRecorded.class).getRevision()).isEqualTo("2");
    }

    private static EventProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("relationship.events", Bindable.of(EventProperties.class));
    }

    @Test
    void theDefaultCurrencyIsEuroAndOnlyACurrencyMoneyIsPaidIn() {
        assertThat(bind(Map.of()).defaultCurrency()).isEqualTo(Currency.getInstance("EUR"));
        assertThat(bind(Map.of("relationship.events.default-currency", "CHF")).defaultCurrency())
                .isEqualTo(Currency.getInstance("CHF"));
        for (String wrong : new String[]{"XAU", "eur", "EURO"}) {
            assertThatThrownBy(() -> bind(Map.of("relationship.events.default-currency", wrong)))
                    .as(wrong).isInstanceOf(BindException.class);
        }
    }
}
