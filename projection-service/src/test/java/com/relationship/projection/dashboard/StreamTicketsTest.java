package com.relationship.projection.dashboard;

import com.mongodb.client.MongoClient;
import com.relationship.projection.TestMongo;
import com.relationship.projection.ingest.MovableClock;
import com.relationship.security.SubjectRateLimit;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A stream ticket opens one stream, once, within its time, on any instance; the store never holds one usable. */
class StreamTicketsTest {

    private static final MongoClient client = TestMongo.client();
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T09:00:00Z"));
    private final String collection = "tickets_" + UUID.randomUUID().toString().replace("-", "");

    private StreamTickets instance() {
        return new StreamTickets(client.getDatabase("dashboard_test").getCollection(collection), Duration.ofSeconds(30), clock,
                new SubjectRateLimit(new SubjectRateLimit.Limit(60, Duration.ofMinutes(1), 20)));
    }

    @Test
    void aTicketIsRedeemedOnceOnAnyInstanceAndItsHolderComesBack() {
        StreamTickets issuing = instance();
        StreamTickets other = instance();
        Instant tokenExpiry = clock.instant().plusSeconds(3600);
        StreamTickets.Issued issued = issuing.issue(new StreamTickets.Holder("rita", tokenExpiry));

        assertThat(other.redeem(issued.ticket())).contains(new StreamTickets.Holder("rita", tokenExpiry));
        assertThat(issuing.redeem(issued.ticket())).as("a second use").isEmpty();
        assertThat(other.redeem(issued.ticket())).as("a third, elsewhere").isEmpty();
    }

    @Test
    void anExpiredMissingOrMadeUpTicketOpensNothing() {
        StreamTickets tickets = instance();
        StreamTickets.Issued issued = tickets.issue(new StreamTickets.Holder("rita", null));
        clock.move(Duration.ofSeconds(31));

        assertThat(tickets.redeem(issued.ticket())).isEmpty();
        assertThat(tickets.redeem(null)).isEmpty();
        assertThat(tickets.redeem("")).isEmpty();
        assertThat(tickets.redeem("not-a-ticket")).isEmpty();
    }

    @Test
    void theStoreKeepsOnlyAHashOfEachTicket() {
        StreamTickets tickets = instance();
        StreamTickets.Issued issued = tickets.issue(new StreamTickets.Holder("rita", null));

        String stored = client.getDatabase("dashboard_test").getCollection(collection).find().first().toJson();
        assertThat(stored).doesNotContain(issued.ticket()).contains("rita");
    }
}
