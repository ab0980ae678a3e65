package com.relationship.service.relay;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.relationship.infra.embedded.Infrastructure;
import com.relationship.infra.embedded.TestInfrastructure;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Relay segments spread over the live instances, and a gone instance's share goes back to the others. */
class RelayNodesTest {

    private static final Infrastructure infra = TestInfrastructure.shared();
    private static final MongoClient client = MongoClients.create(infra.mongoUri());
    private static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(10);

    private final MongoTemplate template = DefaultMongoTemplate.builder()
            .mongoDatabase(client, "relay-nodes-" + UUID.randomUUID()).build();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T06:00:00Z"));

    @AfterAll
    static void close() {
        client.close();
    }

    private RelayNodes node(String id) {
        return new RelayNodes(client, template, id, CLAIM_TIMEOUT, 4, clock);
    }

    @Test
    void twoLiveInstancesTakeHalfTheSegmentsEachAndOnlyTheFirstLeads() {
        RelayNodes a = node("a@host");
        RelayNodes b = node("b@host");
        assertThat(a.getMaxSegments(KafkaRelay.PROCESSING_GROUP)).isEqualTo(4);
        assertThat(b.getMaxSegments(KafkaRelay.PROCESSING_GROUP)).isEqualTo(2);
        clock.advance(RelayConfiguration.claimExtension(CLAIM_TIMEOUT)); // a looks again
        assertThat(a.getMaxSegments(KafkaRelay.PROCESSING_GROUP)).isEqualTo(2);
        assertThat(a.leads()).isTrue();
        assertThat(b.leads()).isFalse();
    }

    @Test
    void anInstanceUnseenForAClaimTimeoutIsGoneAndTheSurvivorMayTakeEverySegment() {
        RelayNodes a = node("a@host");
        RelayNodes b = node("b@host");
        a.getMaxSegments(KafkaRelay.PROCESSING_GROUP);
        assertThat(b.getMaxSegments(KafkaRelay.PROCESSING_GROUP)).isEqualTo(2);
        assertThat(b.leads()).isFalse();
        // a is killed: it writes no more heartbeats
        clock.advance(CLAIM_TIMEOUT.plusSeconds(1));
        assertThat(b.getMaxSegments(KafkaRelay.PROCESSING_GROUP)).isEqualTo(4);
        assertThat(b.leads()).isTrue();
    }

    @Test
    void anInstanceThatStopsLeavesAtOnce() {
        RelayNodes a = node("a@host");
        RelayNodes b = node("b@host");
        a.getMaxSegments(KafkaRelay.PROCESSING_GROUP);
        assertThat(b.getMaxSegments(KafkaRelay.PROCESSING_GROUP)).isEqualTo(2);
        a.stop();
        clock.advance(RelayConfiguration.claimExtension(CLAIM_TIMEOUT)); // b looks again, well inside a claim timeout
        assertThat(b.getMaxSegments(KafkaRelay.PROCESSING_GROUP)).isEqualTo(4);
        assertThat(b.leads()).isTrue();
        assertThat(a.leads()).isFalse();
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
