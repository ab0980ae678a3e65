package com.relationship.projection.value;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.WriteModel;
import com.relationship.contracts.ContractJson;
import com.relationship.contracts.value.AccountValueTierChanged;
import com.relationship.projection.churn.TierCadence;
import com.relationship.projection.churn.TierCadences;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The value tiers as published (issue 30): each account's current tier in {@value #CURRENT}, every change in
 * {@value #CHANGES} (its value history; a document per change, in the contract's JSON form, so the history
 * answers exactly what the topic carried). One instance writes it, the tier publisher holding the lease; every
 * instance follows it (by when it was written, with a look-back), so each knows the tier the portfolio was last
 * told an account has: the tier whose cadence churn's indifference holds the account to ({@link TierCadences}).
 */
public final class TierLedger implements TierCadences {

    static final String CURRENT = "account_value_tiers";
    static final String CHANGES = "account_value_tier_changes";
    private static final String WRITTEN_AT = "writtenAt";
    private static final JsonWriterSettings RELAXED = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    /** The tier an account was last published with. */
    record Published(ValueTier tier, BigDecimal score, Integer rank, int sequence, Instant at) {
    }

    private final MongoCollection<Document> current;
    private final MongoCollection<Document> changes;
    private final Duration lookBack;
    private final Clock writers = Clock.systemUTC();
    private final ObjectMapper json = ContractJson.newObjectMapper();
    private final Map<UUID, Published> published = new ConcurrentHashMap<>();
    private volatile Instant lastRead;
    private volatile boolean indexed;

    TierLedger(MongoDatabase database, Duration lookBack) {
        this.current = database.getCollection(CURRENT);
        this.changes = database.getCollection(CHANGES);
        this.lookBack = lookBack;
    }

    private void ensureIndexes() {
        if (!indexed) {
            current.createIndex(Indexes.ascending(WRITTEN_AT));
            changes.createIndex(Indexes.ascending("accountId", "sequence"));
            indexed = true;
        }
    }

    /**
     * What a refresh read.
     *
     * @param tierMoved    the accounts whose published tier changed since the last refresh
     * @param cadenceMoved of those, the ones whose tier's cadence changed with it (not at the first refresh: it reads
     *                     what the publisher already made due when it published)
     */
    record Refreshed(Set<UUID> tierMoved, Set<UUID> cadenceMoved) {
    }

    /** Reads what was written since the last refresh (everything at the first). */
    synchronized Refreshed refresh() {
        ensureIndexes();
        boolean first = lastRead == null;
        Instant readAt = writers.instant();
        Document filter = first ? new Document()
                : new Document(WRITTEN_AT, new Document("$gte", Date.from(lastRead.minus(lookBack))));
        Set<UUID> tierMoved = new HashSet<>();
        Set<UUID> cadenceMoved = new HashSet<>();
        for (Document document : current.find(filter)) {
            UUID accountId = UUID.fromString(document.getString("_id"));
            Published now = publishedOf(document);
            Published before = published.put(accountId, now);
            ValueTier was = before == null ? null : before.tier();
            if (was != now.tier()) {
                tierMoved.add(accountId);
                if (!first && !Objects.equals(cadence(was), cadence(now.tier()))) {
                    cadenceMoved.add(accountId);
                }
            }
        }
        lastRead = readAt;
        return new Refreshed(tierMoved, cadenceMoved);
    }

    private static java.time.Duration cadence(ValueTier tier) {
        return tier == null ? null : tier.cadence();
    }

    /** The tier last published for the account; null when none was. */
    Published published(UUID accountId) {
        return published.get(accountId);
    }

    /** The tier last published for the account; null when none was, or it is not ranked. */
    public ValueTier tierOf(UUID accountId) {
        Published account = published.get(accountId);
        return account == null ? null : account.tier();
    }

    /**
     * The cadence the account's published tier calls for: an MVC's or an MGC's; null for the others and none. Read
     * before the first refresh (a read model scoring as the instance starts), it loads the ledger first.
     */
    @Override
    public TierCadence of(UUID accountId) {
        if (lastRead == null) {
            refresh();
        }
        ValueTier tier = tierOf(accountId);
        return tier == null || tier.cadence() == null ? null : new TierCadence(tier.name(), tier.cadence());
    }

    /** The accounts whose last published tier is {@code tier}. */
    public Set<UUID> accountsIn(ValueTier tier) {
        if (lastRead == null) {
            refresh();
        }
        Set<UUID> accounts = new HashSet<>();
        published.forEach((account, last) -> {
            if (last.tier() == tier) {
                accounts.add(account);
            }
        });
        return accounts;
    }

    Map<UUID, Published> all() {
        return Collections.unmodifiableMap(published);
    }

    /**
     * Keeps published changes: each in the history (again under the same id when re-sent), then each account's
     * current tier. Only the instance holding the publisher's lease calls it. Answers the accounts whose tier's
     * cadence changed.
     */
    Set<UUID> record(List<AccountValueTierChanged> published) {
        if (published.isEmpty()) {
            return Set.of();
        }
        ensureIndexes();
        List<WriteModel<Document>> history = new ArrayList<>();
        List<WriteModel<Document>> tiers = new ArrayList<>();
        Date writtenAt = Date.from(writers.instant());
        ReplaceOptions upsert = new ReplaceOptions().upsert(true);
        for (AccountValueTierChanged change : published) {
            String id = change.accountId() + ":" + change.sequence();
            history.add(new ReplaceOneModel<>(Filters.eq("_id", id), historyDocument(id, change), upsert));
            tiers.add(new ReplaceOneModel<>(Filters.eq("_id", change.accountId().toString()),
                    new Document("_id", change.accountId().toString()).append("tier", change.tier())
                            .append("score", change.score().toPlainString()).append("rank", change.rank())
                            .append("sequence", change.sequence()).append("at", Date.from(change.at()))
                            .append(WRITTEN_AT, writtenAt), upsert));
        }
        changes.bulkWrite(history);
        current.bulkWrite(tiers);
        Set<UUID> cadenceMoved = new HashSet<>();
        for (AccountValueTierChanged change : published) {
            Published before = this.published.put(change.accountId(), new Published(tierNamed(change.tier()),
                    change.score(), change.rank(), change.sequence(), change.at()));
            if (!Objects.equals(cadence(before == null ? null : before.tier()), cadence(tierNamed(change.tier())))) {
                cadenceMoved.add(change.accountId());
            }
        }
        return cadenceMoved;
    }

    /** The account's tier changes, oldest first; at most the newest {@code limit}. */
    List<AccountValueTierChanged> history(UUID accountId, int limit) {
        List<AccountValueTierChanged> newestFirst = new ArrayList<>();
        for (Document document : changes.find(Filters.eq("accountId", accountId.toString()))
                .sort(Sorts.descending("sequence")).limit(limit)) {
            document.remove("_id");
            try {
                newestFirst.add(json.readValue(document.toJson(RELAXED), AccountValueTierChanged.class));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("A tier change of " + accountId + " in " + CHANGES + " cannot be read: "
                        + e.getOriginalMessage(), e);
            }
        }
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    private Document historyDocument(String id, AccountValueTierChanged change) {
        try {
            return Document.parse(json.writeValueAsString(change)).append("_id", id);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write the tier change " + id, e);
        }
    }

    private static Published publishedOf(Document document) {
        return new Published(tierNamed(document.getString("tier")), new BigDecimal(document.getString("score")),
                document.getInteger("rank"), document.getInteger("sequence"), document.getDate("at").toInstant());
    }

    private static ValueTier tierNamed(String name) {
        return name == null ? null : ValueTier.valueOf(Objects.requireNonNull(name));
    }
}
