package com.relationship.projection.bonding;

import com.mongodb.client.MongoCollection;
import com.relationship.projection.readmodel.ReadModelStore;
import org.bson.Document;

import java.util.Optional;
import java.util.UUID;

/** What the REST API asks of the bonding collection: one account's view, by its id. */
public class BondingStore {

    private final ReadModelStore<BondingView> store;

    public BondingStore(ReadModelStore<BondingView> store) {
        this.store = store;
    }

    public Optional<BondingView> find(UUID accountId) {
        return store.findVisible(accountId);
    }

    /** No query beyond the point read by {@code _id}. */
    public static void ensureQueryIndexes(MongoCollection<Document> collection) {
    }
}
