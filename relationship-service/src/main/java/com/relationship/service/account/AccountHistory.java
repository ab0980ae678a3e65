package com.relationship.service.account;

import com.relationship.contracts.events.AccountEventTypes;
import com.relationship.service.account.UnknownAccountException;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** An account's stored events, as auditors read them: straight from the event store, in order. */
@Component
public class AccountHistory {

    /**
     * History is read from the first event, never from a snapshot: Axon's {@code readEvents(id)}
     * starts at the latest snapshot once one exists, and an auditor would silently miss the rest.
     */
    private static final long FIRST_SEQUENCE = 0;

    private final EventStore eventStore;

    public AccountHistory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /**
     * @param type       the public event type, as on Kafka ({@code com.relationship.account.PurchaseRecorded.v1})
     * @param timestamp  when it was recorded
     * @param occurredAt when it happened in the business ({@link BusinessTime}): what the fold dates by
     */
    public record RecordedEvent(long sequence, String eventId, String type, Instant timestamp, Instant occurredAt,
                                Object payload, Map<String, Object> metadata) {
    }

    /**
     * The account's events in order, read lazily in the store's batches: a caller that streams
     * them holds one batch at a time, however long the history. An unknown account has none.
     */
    public Stream<RecordedEvent> stream(UUID accountId) {
        DomainEventStream events = eventStore.readEvents(accountId.toString(), FIRST_SEQUENCE);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(events, Spliterator.ORDERED), false)
                .map(AccountHistory::recorded);
    }

    /** Whether the account has any event at all. */
    public boolean exists(UUID accountId) {
        return lastSequence(accountId).isPresent();
    }

    /** The sequence number of the account's last event, if it has any (one indexed lookup). */
    public OptionalLong lastSequence(UUID accountId) {
        Optional<Long> last = eventStore.lastSequenceNumberFor(accountId.toString());
        return last.map(OptionalLong::of).orElseGet(OptionalLong::empty);
    }

    public List<RecordedEvent> eventsOf(UUID accountId) {
        List<RecordedEvent> events = new ArrayList<>();
        eventStore.readEvents(accountId.toString(), FIRST_SEQUENCE).forEachRemaining(event -> events.add(recorded(event)));
        if (events.isEmpty()) {
            throw new UnknownAccountException(accountId);
        }
        return events;
    }

    /**
     * The sequence number of the account's last event whose metadata holds all of {@code metadata}
     * (for example the idempotency key and actor of a request whose outcome is unknown), if any.
     * An account's stream is short, so reading it is cheap; an unknown account has none.
     */
    public OptionalLong lastSequenceWith(UUID accountId, Map<String, ?> metadata) {
        OptionalLong[] found = {OptionalLong.empty()};
        eventStore.readEvents(accountId.toString(), FIRST_SEQUENCE).forEachRemaining(event -> {
            if (event.getMetaData().entrySet().containsAll(metadata.entrySet())) {
                found[0] = OptionalLong.of(event.getSequenceNumber());
            }
        });
        return found[0];
    }

    private static RecordedEvent recorded(DomainEventMessage<?> event) {
        return new RecordedEvent(event.getSequenceNumber(), event.getIdentifier(),
                AccountEventTypes.typeOf(event.getPayloadType()), event.getTimestamp(),
                BusinessTime.of(event.getMetaData(), event.getTimestamp()), event.getPayload(),
                Map.copyOf(event.getMetaData()));
    }
}
