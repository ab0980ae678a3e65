package com.relationship.security.personaldata;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.types.Binary;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * The data keys in their own MongoDB collection ({@value #COLLECTION}), one document per subject:
 * {@code _id} the subject id, {@code owner} (the account), {@code key} (32 bytes, AES-256), {@code
 * createdAt}, and {@code destroyedAt} once destroyed, when the key field is removed. The document stays
 * after the erasure: it answers when the subject was erased and that nothing new may be sealed for them.
 * The key is the only secret here: whoever reads this collection reads every sealed datum, so it is
 * guarded as such (its own database user, backups that expire: docs/personal-data.md).
 */
public final class MongoKeyStore implements KeyStore {

    public static final String COLLECTION = "data_keys";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoCollection<Document> keys;

    public MongoKeyStore(MongoDatabase database) {
        this.keys = database.getCollection(COLLECTION);
    }

    @Override
    public SecretKey keyFor(String subjectId, String owner) {
        Optional<Document> existing = find(subjectId);
        if (existing.isEmpty()) {
            Document created = new Document("_id", subjectId).append("owner", owner)
                    .append("key", new Binary(newKey().getEncoded())).append("createdAt", new Date());
            try {
                keys.insertOne(created);
                existing = Optional.of(created);
            } catch (MongoWriteException raced) {
                if (raced.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw raced;
                }
                existing = find(subjectId); // another request created it first: use theirs
            }
        }
        return existing.flatMap(MongoKeyStore::keyOf).orElseThrow(() -> new SubjectErased(subjectId));
    }

    @Override
    public Optional<SecretKey> key(String subjectId) {
        return find(subjectId).flatMap(MongoKeyStore::keyOf);
    }

    @Override
    public Optional<DataSubject> subject(String subjectId) {
        return find(subjectId).map(MongoKeyStore::subjectOf);
    }

    @Override
    public Optional<DataSubject> destroy(String subjectId, Instant at) {
        // Only a key not yet destroyed gets a date, so a second erasure keeps the first one's.
        keys.updateOne(Filters.and(Filters.eq("_id", subjectId), Filters.eq("destroyedAt", null)),
                Updates.combine(Updates.unset("key"), Updates.set("destroyedAt", Date.from(at))));
        return subject(subjectId);
    }

    private Optional<Document> find(String subjectId) {
        return Optional.ofNullable(keys.find(Filters.eq("_id", subjectId)).first());
    }

    private static Optional<SecretKey> keyOf(Document document) {
        Binary key = document.get("key", Binary.class);
        return key == null || document.get("destroyedAt") != null ? Optional.empty()
                : Optional.of(new SecretKeySpec(key.getData(), "AES"));
    }

    private static DataSubject subjectOf(Document document) {
        Date created = document.getDate("createdAt");
        Date destroyed = document.getDate("destroyedAt");
        return new DataSubject(document.getString("_id"), document.getString("owner"),
                created == null ? null : created.toInstant(), destroyed == null ? null : destroyed.toInstant());
    }

    static SecretKey newKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, RANDOM);
            return generator.generateKey();
        } catch (NoSuchAlgorithmException absent) {
            throw new IllegalStateException("AES is part of every JDK", absent);
        }
    }
}
