package com.relationship.projection.churn;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.relationship.contracts.account.LifecycleStage;
import com.relationship.contracts.churn.ChurnBand;
import com.relationship.projection.readmodel.ReadModelDocuments;
import com.relationship.projection.readmodel.ReadModelStore;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the REST API asks of the churn-risk collection: one account's view, and the watch list of the
 * accounts that can churn, CUSTOMER to PARTNER (highest score first, then by id, so pages are stable;
 * {@link ChurnView#WATCH_LIST}). Flat
 * equality filters; the {@code band_score} index serves the list on a real MongoDB, the embedded
 * server scans.
 */
public class ChurnRiskStore {

    private final ReadModelStore<ChurnView> store;

    public ChurnRiskStore(ReadModelStore<ChurnView> store) {
        this.store = store;
    }

    public Optional<ChurnView> find(UUID accountId) {
        return store.findVisible(accountId);
    }

    /** The views of several accounts in one query; an account without one is not in the map. */
    public java.util.Map<UUID, ChurnView> findAll(java.util.Collection<UUID> accountIds) {
        java.util.Map<UUID, ChurnView> found = new java.util.HashMap<>();
        List<String> ids = accountIds.stream().map(UUID::toString).toList();
        for (Document doc : store.collection().find(new Document(ReadModelDocuments.ID, new Document("$in", ids)))) {
            ChurnView view = store.documents().visibleViewOf(doc);
            if (view != null) {
                found.put(view.accountId(), view);
            }
        }
        return found;
    }

    /** One page of the watch list, in one band or all, highest score first. */
    public List<ChurnView> watchList(ChurnBand band, int page, int size) {
        return watchList(band, null, page, size);
    }

    /** One page of the watch list of the accounts {@code owner} owns (a subject; every account when null). */
    public List<ChurnView> watchList(ChurnBand band, String owner, int page, int size) {
        return page(filter(band, owner), new Document("score", -1).append(ReadModelDocuments.ID, 1), page, size);
    }

    /**
     * One page of the watch list's accounts whose revenue is in {@code currency}, in one band or all, the
     * most revenue at risk first: amounts in different currencies do not compare until exchange rates exist.
     */
    public List<ChurnView> watchListByRevenueAtRisk(String currency, ChurnBand band, String owner, int page, int size) {
        return page(filter(band, owner).append(ChurnDocuments.AT_RISK_CURRENCY, currency),
                new Document(ChurnDocuments.AT_RISK_AMOUNT, -1).append(ReadModelDocuments.ID, 1), page, size);
    }

    /** How many accounts the revenue-at-risk list in {@code currency} holds, in one band or all, of one owner or all. */
    public long countByRevenueAtRisk(String currency, ChurnBand band, String owner) {
        return store.collection().countDocuments(filter(band, owner).append(ChurnDocuments.AT_RISK_CURRENCY, currency));
    }

    private List<ChurnView> page(Document filter, Document order, int page, int size) {
        return store.collection().find(filter)
                .sort(order)
                .skip(Math.multiplyExact(page, size))
                .limit(size)
                .map(store.documents()::visibleViewOf)
                .into(new ArrayList<>());
    }

    /**
     * How many accounts the watch list holds, in one band or all. For all, the sum over the bands:
     * each an equality the {@code band_score} index counts alone, where "any band" ({@code $ne: null})
     * would read every document.
     */
    public long count(ChurnBand band) {
        return count(band, null);
    }

    /** How many accounts the watch list holds, in one band or all, owned by {@code owner} where it is not null. */
    public long count(ChurnBand band, String owner) {
        // A count per band and stage that can churn: each an equality the band_stage index counts alone. A stage in a
        // list is not: the embedded server would read every match (60,000 documents a band at 100,000 accounts, under
        // the collection's lock, so a watch list's total held every other request to the collection for seconds).
        long count = 0;
        for (ChurnBand each : band == null ? ChurnBand.values() : new ChurnBand[]{band}) {
            for (String stage : CAN_CHURN) {
                Document filter = new Document("band", each.name()).append("facts.stage", stage);
                count += store.collection().countDocuments(owner == null ? filter
                        : filter.append("facts." + AccountFactsDocuments.OWNER, owner));
            }
        }
        return count;
    }

    /**
     * In a band (or any), of an account that can churn ({@link LifecycleStage#canChurn()}): CUSTOMER to PARTNER;
     * owned by {@code owner} where it is not null.
     */
    private static Document filter(ChurnBand band, String owner) {
        Document filter = new Document("band", band == null ? new Document("$ne", null) : band.name())
                .append("facts.stage", new Document("$in", CAN_CHURN));
        return owner == null ? filter : filter.append("facts." + AccountFactsDocuments.OWNER, owner);
    }

    private static final List<String> CAN_CHURN = LifecycleStage.namesThatCanChurn();

    public static void ensureQueryIndexes(MongoCollection<Document> collection) {
        collection.createIndex(Indexes.compoundIndex(Indexes.ascending("band"), Indexes.descending("score"),
                Indexes.ascending(ReadModelDocuments.ID)), new IndexOptions().name("band_score"));
        collection.createIndex(Indexes.compoundIndex(Indexes.descending("score"), Indexes.ascending(ReadModelDocuments.ID)),
                new IndexOptions().name("score"));
        collection.createIndex(Indexes.ascending("band", "facts.stage"), new IndexOptions().name("band_stage"));
        collection.createIndex(Indexes.compoundIndex(Indexes.ascending(ChurnDocuments.AT_RISK_CURRENCY),
                Indexes.descending(ChurnDocuments.AT_RISK_AMOUNT), Indexes.ascending(ReadModelDocuments.ID)),
                new IndexOptions().name("atRisk"));
    }
}
