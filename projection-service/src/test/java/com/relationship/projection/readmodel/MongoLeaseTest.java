package com.relationship.projection.readmodel;

import com.mongodb.client.MongoCollection;
import com.relationship.projection.ingest.MovableClock;
import com.relationship.projection.TestMongo;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** One holder at a time: renewed by its holder, refused to others until it runs out or is given up. */
class MongoLeaseTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-08T09:00:00Z"));
    private final MongoCollection<Document> leases = TestMongo.client()
            .getDatabase("lease_test_" + UUID.randomUUID().toString().substring(0, 8)).getCollection("leases");
    private final MongoLease a = new MongoLease(leases, "value-tiers", "instance-a", Duration.ofSeconds(15), clock);
    private final MongoLease b = new MongoLease(leases, "value-tiers", "instance-b", Duration.ofSeconds(15), clock);

    @Test
    void theFirstToAskHoldsItAndRenewsItWhileTheOtherIsRefused() {
        assertThat(a.holdOrTake()).isTrue();
        assertThat(b.holdOrTake()).isFalse();
        clock.move(Duration.ofSeconds(10));
        assertThat(a.holdOrTake()).as("renewed for 15 s from now").isTrue();
        clock.move(Duration.ofSeconds(10));
        assertThat(b.holdOrTake()).as("20 s after the first take, 10 after the renewal").isFalse();
        assertThat(a.current().getString("holder")).isEqualTo("instance-a");
    }

    @Test
    void aLeaseNobodyRenewedRunsOutAndAnotherTakesIt() {
        assertThat(a.holdOrTake()).isTrue();
        clock.move(Duration.ofSeconds(16));

        assertThat(b.holdOrTake()).isTrue();
        assertThat(a.holdOrTake()).as("the old holder, back after a pause, is refused").isFalse();
    }

    @Test
    void aReleasedLeaseIsTakenAtOnce() {
        assertThat(a.holdOrTake()).isTrue();
        b.release();
        assertThat(b.holdOrTake()).as("only its holder can give it up").isFalse();

        a.release();

        assertThat(b.holdOrTake()).isTrue();
    }
}
