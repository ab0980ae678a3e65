package com.relationship.projection.churn.backtest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.relationship.contracts.ContractJson;
import org.bson.Document;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * The backtests in the read models' database ({@value #COLLECTION}): one document per backtest, its
 * status as JSON beside the fields it is found and ordered by. The instance running one saves its
 * progress every few seconds; a RUNNING backtest whose progress stopped for {@link #ABANDONED_AFTER} is
 * answered as FAILED (its instance stopped or lost the database), never as running forever.
 */
final class BacktestRecords {

    static final String COLLECTION = "churn_backtests";
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(1);
    private static final ObjectMapper JSON = ContractJson.newObjectMapper();

    private final MongoCollection<Document> collection;
    private final int kept;
    private final Clock clock;

    BacktestRecords(MongoDatabase database, int kept, Clock clock) {
        this.collection = database.getCollection(COLLECTION);
        this.kept = kept;
        this.clock = clock;
        collection.createIndex(Indexes.descending("requestedAt"), new IndexOptions().name("requestedAt"));
    }

    /** Saves the status (its progress, or how it ended); keeps only the latest {@code kept} backtests. */
    void save(ChurnBacktests.Status status) {
        String json;
        try {
            json = JSON.writeValueAsString(status);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a backtest's status did not serialise", e);
        }
        boolean added = collection.replaceOne(Filters.eq("_id", status.id()), new Document("_id", status.id())
                        .append("state", status.state()).append("requestedAt", Date.from(status.requestedAt()))
                        .append("savedAt", Date.from(clock.instant())).append("status", json),
                new ReplaceOptions().upsert(true)).getUpsertedId() != null;
        if (!added) {
            return; // a save of progress or of the end: only a new backtest can push an old one out
        }
        Document oldestKept = collection.find().sort(Sorts.descending("requestedAt")).skip(kept - 1).first();
        if (oldestKept != null) {
            collection.deleteMany(Filters.lt("requestedAt", oldestKept.getDate("requestedAt")));
        }
    }

    Optional<ChurnBacktests.Status> find(String id) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", id)).first()).map(this::read);
    }

    /** The latest kept, newest first. */
    List<ChurnBacktests.Status> latest() {
        return collection.find().sort(Sorts.descending("requestedAt")).limit(kept).map(this::read)
                .into(new ArrayList<>());
    }

    private ChurnBacktests.Status read(Document document) {
        ChurnBacktests.Status status;
        try {
            status = JSON.readValue(document.getString("status"), ChurnBacktests.Status.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored backtest " + document.get("_id") + " does not read", e);
        }
        Instant saved = document.getDate("savedAt").toInstant();
        if ("RUNNING".equals(status.state()) && saved.plus(ABANDONED_AFTER).isBefore(clock.instant())) {
            return new ChurnBacktests.Status(status.id(), "FAILED", status.request(), status.requestedAt(), null,
                    status.recordsRead(), status.recordsToRead(), null, "Stopped: the instance running it last saved"
                    + " its progress at " + saved + " (it was stopped or lost the database). Start it again.", null);
        }
        return status;
    }
}
