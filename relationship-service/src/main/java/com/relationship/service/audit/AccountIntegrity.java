package com.relationship.service.audit;

import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.relationship.service.account.UnknownAccountException;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Verifies an account's hash chain from the raw stored documents, as an auditor's own script
 * would: every sequence from 0 present once, each document's hash equal to {@link EventHash} of
 * the previous hash and the document as stored. The first sequence that fails is where someone
 * edited, removed or inserted an event. The rule itself is {@link ChainVerifier}'s, shared with the
 * check of every account ({@link IntegrityChecks}).
 */
@Component
public class AccountIntegrity {

    private final MongoTemplate store;
    private final EventEntryConfiguration fields = EventEntryConfiguration.getDefault();

    public AccountIntegrity(MongoTemplate axonMongoTemplate) {
        this.store = axonMongoTemplate;
    }

    public IntegrityReport verify(UUID accountId) {
        ChainVerifier chain = new ChainVerifier(fields);
        try (MongoCursor<Document> stored = store.eventCollection()
                .find(Filters.eq(fields.aggregateIdentifierProperty(), accountId.toString()))
                .sort(Sorts.ascending(fields.sequenceNumberProperty())).iterator()) {
            while (stored.hasNext() && chain.accept(stored.next())) {
                // the chain checks each document; it stops at the first that breaks it
            }
        }
        if (chain.read() == 0) {
            throw new UnknownAccountException(accountId);
        }
        return chain.report(accountId);
    }
}
