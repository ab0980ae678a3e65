package com.relationship.projection.funnel;

import com.mongodb.client.MongoCollection;
import com.relationship.contracts.account.KamStage;
import com.relationship.contracts.account.LifecycleStage;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts the account status documents per stage with two {@code $group} aggregations. Each is a full
 * scan of the collection on the embedded mongo-java-server (it has no usable index for this) and an
 * index scan on a real MongoDB; fine for the account counts we have.
 */
@Component
public class FunnelQuery {

    private final MongoCollection<Document> accountStatus;

    public FunnelQuery(MongoCollection<Document> accountStatusCollection) {
        this.accountStatus = accountStatusCollection;
    }

    public Funnel funnel() {
        Map<String, Long> byStage = countBy("stage");
        Map<String, Long> byKamStage = countBy("kamStage");
        Map<String, Long> lifecycle = new LinkedHashMap<>();
        for (LifecycleStage stage : LifecycleStage.values()) {
            lifecycle.put(stage.name(), byStage.getOrDefault(stage.name(), 0L));
        }
        Map<String, Long> kam = new LinkedHashMap<>();
        for (KamStage stage : KamStage.values()) {
            kam.put(stage.name(), byKamStage.getOrDefault(stage.name(), 0L));
        }
        return new Funnel(lifecycle, kam, lifecycle.values().stream().mapToLong(Long::longValue).sum(),
                kam.values().stream().mapToLong(Long::longValue).sum());
    }

    private Map<String, Long> countBy(String field) {
        Map<String, Long> counts = new HashMap<>();
        accountStatus.aggregate(List.of(
                        new Document("$match", new Document(field, new Document("$ne", null))),
                        new Document("$group", new Document("_id", "$" + field).append("n", new Document("$sum", 1)))))
                .forEach(d -> counts.put(d.getString("_id"), d.get("n", Number.class).longValue()));
        return counts;
    }
}
