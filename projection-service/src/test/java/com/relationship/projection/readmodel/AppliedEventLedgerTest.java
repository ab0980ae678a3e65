package com.relationship.projection.readmodel;

import com.mongodb.client.MongoClient;
import com.relationship.projection.TestMongo;
import com.mongodb.client.MongoCollection;
import com.relationship.contracts.events.KeyAccountDesignated;
import com.relationship.projection.status.AccountHistory;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AppliedEventLedgerTest {

    private static final MongoClient client = TestMongo.client();

    @Test
    void theFirstIdKeepsTheSequenceARedeliveryMatchesAndAnotherIdIsReported() {
        AppliedEventLedger ledger = new AppliedEventLedger(client.getDatabase("ledger_test")
                .getCollection("account_event_ids_" + UUID.randomUUID()));
        UUID account = UUID.randomUUID();

        assertThat(ledger.claim(account, 3, "event-a")).as("first claim").isEmpty();
        assertThat(ledger.claim(account, 3, "event-a")).as("redelivery").isEmpty();
        assertThat(ledger.claim(account, 3, "event-b")).as("another event at the same sequence").contains("event-a");
        assertThat(ledger.claim(account, 4, "event-b")).as("the next sequence").isEmpty();
        assertThat(ledger.claim(UUID.randomUUID(), 3, "event-b")).as("another account").isEmpty();
    }

    /** The batch claim: what one read model claimed, the next finds (and writes nothing); an impostor is refused. */
    @Test
    void aBatchClaimsItsSequencesOnceAndRefusesAnotherEventAtOneOfThem() {
        MongoCollection<Document> entries = client.getDatabase("ledger_test").getCollection("account_event_ids_" + UUID.randomUUID());
        AppliedEventLedger ledger = new AppliedEventLedger(entries);
        AccountHistory history = AccountHistory.registered(UUID.randomUUID(), "Acme")
                .then(id -> new KeyAccountDesignated(id, "growing"));
        ledger.claim(history.accountId(), 0, history.get(0).eventId()); // claimed before, alone

        assertThat(ledger.claimAll(history.events())).as("first claim of the batch").isTrue();
        assertThat(entries.countDocuments()).isEqualTo(2);
        assertThat(ledger.claimAll(history.events())).as("another read model, or a redelivery").isTrue();
        assertThat(entries.countDocuments()).isEqualTo(2);
        assertThat(ledger.claim(history.accountId(), 1, "impostor")).contains(history.get(1).eventId());

        AccountHistory impostor = AccountHistory.registered(history.accountId(), "Acme")
                .then(id -> new KeyAccountDesignated(id, "growing"));
        assertThat(ledger.claimAll(impostor.events())).as("other events at sequences held").isFalse();
        assertThat(ledger.claimAll(List.of(history.get(1), impostor.get(1)))).as("two events at one place").isFalse();
    }
}
