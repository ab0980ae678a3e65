package com.relationship.service.audit;

import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.bson.Document;

import java.util.UUID;

/**
 * The hash chain rule, the one implementation of it: fed one account's stored documents in
 * sequence order, it checks that every sequence from 0 is there once and that each document's
 * hash is {@link EventHash} of the previous hash and the document as stored. The first document
 * that fails is where someone edited, removed or inserted an event; what follows it proves
 * nothing more, so {@link #accept} says to stop there. Used for one account
 * ({@link AccountIntegrity}) and for the whole store in one pass ({@link IntegrityChecks}).
 */
final class ChainVerifier {

    private final EventEntryConfiguration fields;
    private long expected;
    private String previousHash = EventHash.GENESIS;
    private long read;
    private String reason;

    ChainVerifier(EventEntryConfiguration fields) {
        this.fields = fields;
    }

    /** Checks the account's next stored document; false once the chain is broken (at this one or before). */
    boolean accept(Document stored) {
        if (reason != null) {
            return false;
        }
        read++;
        long sequence = ((Number) stored.get(fields.sequenceNumberProperty())).longValue();
        if (sequence > expected) {
            reason = "event " + expected + " is missing: the stored sequence jumps from " + (expected - 1)
                    + " to " + sequence;
        } else if (sequence < expected) {
            reason = "a second event is stored at sequence " + sequence;
            expected = sequence;
        } else if (stored.getString(EventHash.FIELD) == null) {
            reason = "the event has no hash: it was not written by this service, or its hash was removed";
        } else if (!stored.getString(EventHash.FIELD).equals(EventHash.of(previousHash, stored, fields))) {
            reason = "the event as stored is not the event that was hashed: its payload, timestamp, metadata"
                    + " or identity was changed, or an event before it was";
        }
        if (reason != null) {
            return false;
        }
        previousHash = stored.getString(EventHash.FIELD);
        expected++;
        return true;
    }

    /** How many documents were checked, up to and including the first that broke the chain. */
    long read() {
        return read;
    }

    boolean intact() {
        return reason == null;
    }

    /** The first sequence where the chain breaks; null while it is intact. */
    Long brokenAt() {
        return reason == null ? null : expected;
    }

    /** Why it breaks there; null while it is intact. */
    String reason() {
        return reason;
    }

    /** What was found so far, as {@code GET /integrity} answers it. */
    IntegrityReport report(UUID accountId) {
        Long lastSequence = expected == 0 ? null : expected - 1;
        String lastHash = expected == 0 ? null : previousHash;
        return new IntegrityReport(accountId, intact(), read, lastSequence, lastHash, brokenAt(), reason);
    }
}
