package com.relationship.service.infra;

import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoSocketReadException;
import com.mongodb.MongoSocketReadTimeoutException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** When a failed command can honestly say "nothing was stored", and when it cannot. */
class StoreOutcomeTest {

    private static final ServerAddress MONGO = new ServerAddress("127.0.0.1", 27017);

    private static EventStoreException appendFailed(Exception cause) {
        return new EventStoreException("An event for aggregate [a] at sequence [3] could not be persisted", cause);
    }

    @Test
    void aConnectionLostAfterTheAppendWasSentLeavesTheOutcomeUnknown() {
        assertThat(StoreOutcome.unknown(appendFailed(new MongoSocketReadException("Prematurely reached end of stream",
                MONGO)))).isTrue();
        assertThat(StoreOutcome.unknown(new RuntimeException(appendFailed(new MongoSocketReadTimeoutException(
                "Timeout while receiving message", MONGO, new IOException("timed out")))))).isTrue();
    }

    @Test
    void noServerOrNoConnectionMeansNothingWasStored() {
        assertThat(StoreOutcome.unknown(appendFailed(new MongoTimeoutException("No server chosen")))).isFalse();
        assertThat(StoreOutcome.unknown(appendFailed(new MongoSocketOpenException("Exception opening socket", MONGO,
                new IOException("refused"))))).isFalse();
    }

    @Test
    void aConnectionLostWhileLoadingTheAccountStoredNothing() {
        assertThat(StoreOutcome.unknown(new MongoSocketReadException("Prematurely reached end of stream", MONGO)))
                .isFalse();
    }
}
