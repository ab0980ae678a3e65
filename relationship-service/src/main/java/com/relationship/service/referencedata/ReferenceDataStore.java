package com.relationship.service.referencedata;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.relationship.contracts.referencedata.ReferenceDataChanged;
import com.relationship.contracts.referencedata.ReferenceDataCodec;
import org.bson.Document;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Every version of every piece of reference data, kept for good in {@value #COLLECTION}: one document per
 * version, inserted once and never changed but for the instant it reached the topic. Its id is key and
 * version, so two admins setting the same key at once cannot both get the same next version: the second
 * insert is refused and answered as a conflict. The data is stored in the contracts' JSON form, the form
 * the topic carries.
 */
@Component
class ReferenceDataStore {

    static final String COLLECTION = "reference_data";

    private final MongoCollection<Document> versions;
    private final ReferenceDataCodec codec = new ReferenceDataCodec();

    ReferenceDataStore(MongoClient mongoClient, MongoConnectionDetails connection) {
        String database = connection.getConnectionString().getDatabase();
        this.versions = mongoClient.getDatabase(database != null ? database : "relationship").getCollection(COLLECTION);
    }

    /** Another version of the key was stored first. */
    static class VersionTaken extends RuntimeException {
        VersionTaken(String key, long version) {
            super("Version " + version + " of " + key + " was stored by another request a moment ago.");
        }
    }

    /** A version, and when it reached the topic (null: not yet). */
    record Stored(ReferenceDataChanged data, Instant publishedAt) {
    }

    void append(ReferenceDataChanged data) {
        try {
            versions.insertOne(new Document("_id", idOf(data.key(), data.version()))
                    .append("key", data.key())
                    .append("version", data.version())
                    .append("schema", data.schema())
                    .append("data", codec.toJson(data))
                    .append("publishedAt", null));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw new VersionTaken(data.key(), data.version());
            }
            throw e;
        }
    }

    /** The newest version of the key. */
    Optional<Stored> latest(String key) {
        return Optional.ofNullable(versions.find(Filters.eq("key", key)).sort(Sorts.descending("version")).first())
                .map(this::stored);
    }

    /** Every version of the key, the newest first. */
    List<Stored> versionsOf(String key) {
        return versions.find(Filters.eq("key", key)).sort(Sorts.descending("version")).map(this::stored)
                .into(new ArrayList<>());
    }

    /** The newest version of each key that starts with {@code prefix}, in key order. */
    List<Stored> latestOfEach(String prefix) {
        List<Stored> latest = new ArrayList<>();
        for (Document document : versions.find(Filters.regex("key", "^" + java.util.regex.Pattern.quote(prefix)))
                .sort(Sorts.orderBy(Sorts.ascending("key"), Sorts.descending("version")))) {
            Stored stored = stored(document);
            if (latest.isEmpty() || !latest.get(latest.size() - 1).data().key().equals(stored.data().key())) {
                latest.add(stored);
            }
        }
        return latest;
    }

    /** The versions not on the topic yet, in the order they were set. */
    List<ReferenceDataChanged> unpublished() {
        return versions.find(Filters.eq("publishedAt", null)).map(this::stored).map(Stored::data)
                .into(new ArrayList<>()).stream()
                .sorted(java.util.Comparator.comparing(ReferenceDataChanged::at)
                        .thenComparing(ReferenceDataChanged::version)).toList();
    }

    void published(ReferenceDataChanged data, Instant at) {
        versions.updateOne(Filters.eq("_id", idOf(data.key(), data.version())),
                Updates.set("publishedAt", Date.from(at)));
    }

    private Stored stored(Document document) {
        Date publishedAt = document.getDate("publishedAt");
        return new Stored(codec.fromJson(document.getString("schema"), document.getString("data")),
                publishedAt == null ? null : publishedAt.toInstant());
    }

    private static String idOf(String key, long version) {
        return key + ":" + version;
    }
}
