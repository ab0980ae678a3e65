package com.relationship.projection.status;

import com.relationship.contracts.account.KamStage;
import com.relationship.contracts.account.LifecycleStage;
import com.relationship.contracts.status.AccountStatus;
import com.relationship.projection.readmodel.ReadModelStore;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static com.relationship.projection.status.AccountStatusDocuments.ID;
import static com.relationship.projection.status.AccountStatusDocuments.KAM_STAGE;
import static com.relationship.projection.status.AccountStatusDocuments.NAME;
import static com.relationship.projection.status.AccountStatusDocuments.STAGE;

/**
 * What the REST API asks of the account status collection. Flat {@link Document} filters, never
 * {@code Filters.and} (rendered as {@code $and}, which no index of the embedded server serves); the
 * list and count scan the collection on the embedded server and use the {@code stage}/{@code kamStage}
 * indexes on a real MongoDB.
 */
public class AccountStatusStore {

    private final ReadModelStore<StatusView> store;

    public AccountStatusStore(ReadModelStore<StatusView> store) {
        this.store = store;
    }

    /** The account's status, if it has one (an account known only from parked events has none yet). */
    public Optional<AccountStatus> findStatus(UUID accountId) {
        return store.findVisible(accountId).map(StatusView::status);
    }

    /** One page of statuses, by name then id. */
    public List<AccountStatus> list(LifecycleStage stage, KamStage kamStage, int page, int size) {
        return store.collection().find(filter(stage, kamStage))
                .sort(new Document(NAME, 1).append(ID, 1))
                .skip(Math.multiplyExact(page, size))
                .limit(size)
                .map(store.documents()::visibleViewOf)
                .map(StatusView::status)
                .into(new ArrayList<>());
    }

    /**
     * How many statuses match. Without a stage, the sum over the stages: each an equality an index
     * counts alone, where "any stage" ({@code $ne: null}) would read every status.
     */
    public long count(LifecycleStage stage, KamStage kamStage) {
        if (stage != null) {
            return store.collection().countDocuments(filter(stage, kamStage));
        }
        long count = 0;
        for (LifecycleStage each : LifecycleStage.values()) {
            count += store.collection().countDocuments(filter(each, kamStage));
        }
        return count;
    }

    private static Document filter(LifecycleStage stage, KamStage kamStage) {
        // Flat equality; without a stage filter, skip accounts known only from parked events.
        Document filter = new Document(STAGE, stage == null ? new Document("$ne", null) : stage.name());
        if (kamStage != null) {
            filter.append(KAM_STAGE, kamStage.name());
        }
        return filter;
    }
}
