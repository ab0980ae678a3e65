package com.relationship.service.audit;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.relationship.service.web.UnknownAccountException;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Verifies an account's hash chain from the raw stored documents, as an auditor's own script
 * would: every sequence from 0 present once, each document's hash equal to {@link EventHash} of
 * the previous hash and the document as stored. The first sequence that fails is where someone
 * edited, removed or inserted an event.
 */
@Component
public class AccountIntegrity {

    private final MongoTemplate store;
    private final EventEntryConfiguration fields = EventEntryConfiguration.getDefault();

    public AccountIntegrity(MongoTemplate axonMongoTemplate) {
        this.store = axonMongoTemplate;
    }

    public IntegrityReport verify(UUID accountId) {
        String account = accountId.toString();
        long expected = 0;
        String previousHash = EventHash.GENESIS;
        long read = 0;
        for (Document stored : store.eventCollection().find(Filters.eq(fields.aggregateIdentifierProperty(), account))
                .sort(Sorts.ascending(fields.sequenceNumberProperty()))) {
            read++;
            long sequence = ((Number) stored.get(fields.sequenceNumberProperty())).longValue();
            String broken = null;
            if (sequence > expected) {
                broken = "event " + expected + " is missing: the stored sequence jumps from " + (expected - 1)
                        + " to " + sequence;
            } else if (sequence < expected) {
                broken = "a second event is stored at sequence " + sequence;
                expected = sequence;
            } else if (stored.getString(EventHash.FIELD) == null) {
                broken = "the event has no hash: it was not written by this service, or its hash was removed";
            } else if (!stored.getString(EventHash.FIELD).equals(EventHash.of(previousHash, stored, fields))) {
                broken = "the event as stored is not the event that was hashed: its payload, timestamp, metadata"
                        + " or identity was changed, or an event before it was";
            }
            if (broken != null) {
                return new IntegrityReport(accountId, false, read, expected == 0 ? null : expected - 1,
                        expected == 0 ? null : previousHash, expected, broken);
            }
            previousHash = stored.getString(EventHash.FIELD);
            expected++;
        }
        if (read == 0) {
            throw new UnknownAccountException(accountId);
        }
        return new IntegrityReport(accountId, true, read, expected - 1, previousHash, null, null);
    }
}
