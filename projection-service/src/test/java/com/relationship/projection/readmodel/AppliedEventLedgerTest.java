package com.relationship.projection.readmodel;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.relationship.infra.embedded.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AppliedEventLedgerTest {

    private static MongoClient client;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(TestInfrastructure.shared().mongoUri());
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

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
}
