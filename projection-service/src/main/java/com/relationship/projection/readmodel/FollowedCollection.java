package com.relationship.projection.readmodel;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import org.bson.Document;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import static com.relationship.projection.readmodel.ReadModelDocuments.ID;
import static com.relationship.projection.readmodel.ReadModelDocuments.WRITTEN_AT;

/**
 * A copy in memory of what one read model's collection holds, whichever instance wrote it: what a view
 * over the whole portfolio (a ranking) is computed from without reading every document for each answer.
 * The first {@link #refresh} loads the collection whole; each later one reads the documents written since
 * the one before (by their {@value ReadModelDocuments#WRITTEN_AT}, read again {@code lookBack} earlier for
 * the writers' clocks and the writes in flight), and every {@code fullReload} the collection is loaded
 * whole again (after a rebuild's swap it is another collection, and no write says so).
 *
 * @param <V> the read model's view
 * @param <H> what is kept of each view (a part of it: memory is the limit at 100,000 accounts)
 */
public final class FollowedCollection<V, H> {

    private final ReadModelStore<V> store;
    private final Function<V, H> keep;
    private final Duration lookBack;
    private final Duration fullReload;
    private final Clock writers = Clock.systemUTC();
    private final Map<UUID, Held<H>> held = new ConcurrentHashMap<>();
    private Instant lastRead;
    private Instant lastFullLoad;

    private record Held<H>(H kept, long version) {
    }

    /** @param keep what to keep of a view; null to keep nothing of it (as if it had no view) */
    public FollowedCollection(ReadModelStore<V> store, Function<V, H> keep, Duration lookBack, Duration fullReload) {
        this.store = store;
        this.keep = keep;
        this.lookBack = lookBack;
        this.fullReload = fullReload;
    }

    /** The index the changes since a read are found by; idempotent. */
    public static void ensureIndexes(MongoCollection<Document> collection) {
        collection.createIndex(Indexes.ascending(WRITTEN_AT));
    }

    /** Reads what was written since the last refresh, or everything when due; answers the accounts that changed. */
    public synchronized Set<UUID> refresh() {
        Instant readAt = writers.instant();
        if (lastFullLoad == null || !readAt.isBefore(lastFullLoad.plus(fullReload))) {
            return loadAll(readAt);
        }
        Set<UUID> changed = new HashSet<>();
        ReadModelDocuments<V> documents = store.documents();
        Date since = Date.from(lastRead.minus(lookBack));
        for (Document document : store.collection().find(new Document(WRITTEN_AT, new Document("$gte", since)))) {
            UUID accountId = UUID.fromString(document.getString(ID));
            long version = documents.versionOf(document);
            Held<H> known = held.get(accountId);
            if (known != null && known.version() == version) {
                continue; // read again within the look-back, unchanged
            }
            H kept = kept(documents.visibleViewOf(document));
            if (kept != null) {
                held.put(accountId, new Held<>(kept, version));
                changed.add(accountId);
            } else if (held.remove(accountId) != null) {
                changed.add(accountId);
            }
        }
        lastRead = readAt;
        return changed;
    }

    private Set<UUID> loadAll(Instant readAt) {
        Map<UUID, Held<H>> loaded = new HashMap<>();
        ReadModelDocuments<V> documents = store.documents();
        for (Document document : store.collection().find()) {
            H kept = kept(documents.visibleViewOf(document));
            if (kept != null) {
                loaded.put(UUID.fromString(document.getString(ID)), new Held<>(kept, documents.versionOf(document)));
            }
        }
        Set<UUID> changed = new HashSet<>(held.keySet());
        changed.addAll(loaded.keySet());
        held.keySet().retainAll(loaded.keySet());
        held.putAll(loaded);
        lastFullLoad = readAt;
        lastRead = readAt;
        return changed;
    }

    private H kept(V view) {
        return view == null ? null : keep.apply(view);
    }

    /** What is kept of the account's view; null when the collection had none when last read. */
    public H get(UUID accountId) {
        Held<H> account = held.get(accountId);
        return account == null ? null : account.kept();
    }

    public boolean holds(UUID accountId) {
        return held.containsKey(accountId);
    }

    /** The accounts held. */
    public Collection<UUID> accounts() {
        return held.keySet();
    }
}
