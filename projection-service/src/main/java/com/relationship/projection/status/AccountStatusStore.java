package com.relationship.projection.status;

import com.relationship.contracts.account.KamStage;
import com.relationship.contracts.account.LifecycleStage;
import com.relationship.contracts.status.AccountStatus;
import com.relationship.projection.readmodel.ReadModelStore;
import org.bson.Document;

import com.relationship.contracts.churn.ChurnBand;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static com.relationship.projection.status.AccountStatusDocuments.CHURN_BAND;
import static com.relationship.projection.status.AccountStatusDocuments.ID;
import static com.relationship.projection.status.AccountStatusDocuments.KAM_STAGE;
import static com.relationship.projection.status.AccountStatusDocuments.NAME;
import static com.relationship.projection.status.AccountStatusDocuments.OWNER_SUBJECT;
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
        return list(stage, kamStage, null, page, size);
    }

    /** One page of statuses owned by {@code owner} (a subject; any owner or none when null), by name then id. */
    public List<AccountStatus> list(LifecycleStage stage, KamStage kamStage, String owner, int page, int size) {
        return store.collection().find(filter(stage, kamStage, owner))
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
        return count(stage, kamStage, null);
    }

    /** How many statuses match, owned by {@code owner} where it is not null. */
    public long count(LifecycleStage stage, KamStage kamStage, String owner) {
        if (stage != null) {
            return store.collection().countDocuments(filter(stage, kamStage, owner));
        }
        long count = 0;
        for (LifecycleStage each : LifecycleStage.values()) {
            count += store.collection().countDocuments(filter(each, kamStage, owner));
        }
        return count;
    }

    /** The orders of the dashboard's watch list. */
    public enum WatchOrder {
        /** Highest churn score first. */
        SCORE(new Document("churnScore", -1).append(ID, 1)),
        /** Longest silent first: the oldest last interaction (none at all first). */
        LAST_INTERACTION(new Document("lastInteraction.at", 1).append(ID, 1)),
        /** By name. */
        NAME(new Document(AccountStatusDocuments.NAME, 1).append(ID, 1));

        private final Document sort;

        WatchOrder(Document sort) {
            this.sort = sort;
        }
    }

    /**
     * The dashboard's watch list: statuses in a churn band (or any), stage and KAM stage (each
     * optional), in {@code order}. The {@code band_score} and {@code score} indexes serve the score
     * order; the filters are equalities on top.
     */
    public List<AccountStatus> watchList(ChurnBand band, LifecycleStage stage, KamStage kamStage, WatchOrder order,
                                         int size) {
        return watchList(band, stage, kamStage, null, order, size);
    }

    /** The watch list of the accounts {@code owner} owns (a subject; every account when null). */
    public List<AccountStatus> watchList(ChurnBand band, LifecycleStage stage, KamStage kamStage, String owner,
                                         WatchOrder order, int size) {
        return watchList(band, stage, kamStage, owner, null, order, size);
    }

    /** The watch list among {@code accounts} only (a value tier's; every account when null). */
    public List<AccountStatus> watchList(ChurnBand band, LifecycleStage stage, KamStage kamStage, String owner,
                                         java.util.Collection<java.util.UUID> accounts, WatchOrder order, int size) {
        return store.collection().find(among(watchFilter(band, stage, kamStage, owner), accounts)).sort(order.sort)
                .limit(size).map(store.documents()::visibleViewOf).map(StatusView::status).into(new ArrayList<>());
    }

    /** How many statuses the watch list's filters match among {@code accounts} (every account when null). */
    public long countWatched(ChurnBand band, LifecycleStage stage, KamStage kamStage, String owner,
                             java.util.Collection<java.util.UUID> accounts) {
        return accounts == null ? countWatched(band, stage, kamStage, owner)
                : store.collection().countDocuments(among(watchFilter(band, stage, kamStage, owner), accounts));
    }

    private static Document among(Document filter, java.util.Collection<java.util.UUID> accounts) {
        return accounts == null ? filter
                : filter.append(ID, new Document("$in", accounts.stream().map(java.util.UUID::toString).toList()));
    }

    /**
     * Where one account stands on the ladder and the KAM track, and since when.
     *
     * @param kamStage null off the KAM track
     */
    public record Placing(LifecycleStage stage, Instant stageSince, KamStage kamStage, Instant kamStageSince) {
    }

    /** The placing of each of {@code accounts} that has a status: what a funnel of some accounts (a tier's) counts. */
    public List<Placing> placings(java.util.Collection<java.util.UUID> accounts) {
        List<Placing> placings = new ArrayList<>();
        store.collection().find(among(new Document(STAGE, new Document("$ne", null)), accounts))
                .projection(new Document(STAGE, 1).append("stageSince", 1).append(KAM_STAGE, 1).append("kamStageSince", 1))
                .forEach(doc -> placings.add(new Placing(LifecycleStage.valueOf(doc.getString(STAGE)),
                        instantOf(doc.getString("stageSince")),
                        doc.getString(KAM_STAGE) == null ? null : KamStage.valueOf(doc.getString(KAM_STAGE)),
                        instantOf(doc.getString("kamStageSince")))));
        return placings;
    }

    private static Instant instantOf(String text) {
        return text == null ? null : Instant.parse(text);
    }

    /** How many statuses the watch list's filters match. */
    public long countWatched(ChurnBand band, LifecycleStage stage, KamStage kamStage) {
        return countWatched(band, stage, kamStage, null);
    }

    /** How many statuses the watch list's filters match, owned by {@code owner} where it is not null. */
    public long countWatched(ChurnBand band, LifecycleStage stage, KamStage kamStage, String owner) {
        if (stage == null) {
            // The sum over the stages that can churn: each an equality an index counts alone (a stage in a list is
            // not: the embedded server would read every match, 60,000 documents a band at 100,000 accounts).
            long count = 0;
            for (LifecycleStage each : LifecycleStage.values()) {
                count += each.canChurn() ? store.collection().countDocuments(watchFilter(band, each, kamStage, owner)) : 0;
            }
            return count;
        }
        return store.collection().countDocuments(watchFilter(band, stage, kamStage, owner));
    }

    /**
     * The watch list holds accounts that can churn ({@link LifecycleStage#canChurn()}): asked for a stage
     * that cannot (a PROSPECT, a LAPSED account), it is empty.
     */
    private static Document watchFilter(ChurnBand band, LifecycleStage stage, KamStage kamStage, String owner) {
        Object stages = stage == null ? new Document("$in", CAN_CHURN)
                : stage.canChurn() ? stage.name() : new Document("$in", List.of());
        Document filter = band == null ? new Document(STAGE, stages)
                : new Document(CHURN_BAND, band.name()).append(STAGE, stages);
        if (kamStage != null) {
            filter.append(KAM_STAGE, kamStage.name());
        }
        if (owner != null) {
            filter.append(OWNER_SUBJECT, owner);
        }
        return filter;
    }

    private static final List<String> CAN_CHURN = LifecycleStage.namesThatCanChurn();

    /**
     * Since when the accounts in a lifecycle stage now have been in it, the median (the mean of the
     * middle two for an even count); empty when none is. {@code count} is the stage's count, known
     * already from the funnel. The {@code stage_since} index walks to the middle without reading the
     * statuses before it on a real MongoDB.
     */
    public Optional<Instant> medianStageSince(LifecycleStage stage, long count) {
        return median(new Document(STAGE, stage.name()), "stageSince", count);
    }

    /** {@link #medianStageSince} for a KAM stage, by {@code kamStageSince}. */
    public Optional<Instant> medianKamStageSince(KamStage stage, long count) {
        return median(new Document(KAM_STAGE, stage.name()), "kamStageSince", count);
    }

    private Optional<Instant> median(Document filter, String field, long count) {
        if (count <= 0) {
            return Optional.empty();
        }
        List<Instant> middle = new ArrayList<>();
        store.collection().find(filter).sort(new Document(field, 1).append(ID, 1)).projection(new Document(field, 1))
                .skip((int) ((count - 1) / 2)).limit(count % 2 == 1 ? 1 : 2)
                .forEach(doc -> {
                    // Stored as ISO-8601 text, which sorts as time does to the second (fractions
                    // within one second may not); the median needs no finer order than that.
                    String at = doc.getString(field);
                    if (at != null) {
                        middle.add(Instant.parse(at));
                    }
                });
        if (middle.isEmpty()) {
            return Optional.empty();
        }
        Instant first = middle.get(0);
        return Optional.of(middle.size() == 1 ? first
                : first.plus(java.time.Duration.between(first, middle.get(1)).dividedBy(2)));
    }

    private static Document filter(LifecycleStage stage, KamStage kamStage, String owner) {
        // Flat equality; without a stage filter, skip accounts known only from parked events.
        Document filter = new Document(STAGE, stage == null ? new Document("$ne", null) : stage.name());
        if (kamStage != null) {
            filter.append(KAM_STAGE, kamStage.name());
        }
        if (owner != null) {
            filter.append(OWNER_SUBJECT, owner);
        }
        return filter;
    }
}
