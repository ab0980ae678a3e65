package com.relationship.service.account;

import com.relationship.contracts.account.Classification;
import com.relationship.contracts.events.AccountRegistered;
import com.relationship.contracts.events.ReferralRecorded;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** An auditor's history is the whole stream, whatever snapshots the store holds. */
class AccountHistoryTest {

    @Test
    void historyStartsAtTheFirstEventEvenWhenASnapshotExists() {
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        UUID id = UUID.randomUUID();
        String aggregate = id.toString();
        store.publish(new GenericDomainEventMessage<>("Account", aggregate, 0,
                new AccountRegistered(id, "Acme", "Manufacturing", 5, null, "EMEA", Classification.TACTICAL)));
        for (long sequence = 1; sequence <= 3; sequence++) {
            store.publish(new GenericDomainEventMessage<>("Account", aggregate, sequence,
                    new ReferralRecorded(id, UUID.randomUUID(), "told a peer", null)));
        }
        store.storeSnapshot(new GenericDomainEventMessage<>("Account", aggregate, 2, "a snapshot of the account at 2"));
        assertThat(store.readEvents(aggregate).next().getPayload()).as("Axon's default read starts at the snapshot")
                .isEqualTo("a snapshot of the account at 2");

        assertThat(new AccountHistory(store).eventsOf(id)).extracting(AccountHistory.RecordedEvent::sequence)
                .containsExactly(0L, 1L, 2L, 3L);
        store.shutDown();
    }
}
