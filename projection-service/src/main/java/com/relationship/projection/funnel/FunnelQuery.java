package com.relationship.projection.funnel;

import com.mongodb.client.MongoCollection;
import com.relationship.contracts.account.KamStage;
import com.relationship.contracts.account.LifecycleStage;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts the account statuses at each stage and KAM stage: one count of an equality per cell, which
 * an index of the status collection answers alone ({@code AccountStatusModel#ensureQueryIndexes}),
 * on a real MongoDB and on the embedded server alike, at any number of accounts. A {@code $group}
 * over the collection would read every status for every funnel asked for.
 */
@Component
public class FunnelQuery {

    private final MongoCollection<Document> accountStatus;

    public FunnelQuery(MongoCollection<Document> accountStatusCollection) {
        this.accountStatus = accountStatusCollection;
    }

    public Funnel funnel() {
        Map<String, Long> lifecycle = new LinkedHashMap<>();
        for (LifecycleStage stage : LifecycleStage.values()) {
            lifecycle.put(stage.name(), accountStatus.countDocuments(new Document("stage", stage.name())));
        }
        Map<String, Long> kam = new LinkedHashMap<>();
        for (KamStage stage : KamStage.values()) {
            kam.put(stage.name(), accountStatus.countDocuments(new Document("kamStage", stage.name())));
        }
        return new Funnel(lifecycle, kam, lifecycle.values().stream().mapToLong(Long::longValue).sum(),
                kam.values().stream().mapToLong(Long::longValue).sum());
    }
}
