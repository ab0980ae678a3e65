package com.relationship.projection.status;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.relationship.contracts.events.EnvelopedAccountEvent;
import com.relationship.contracts.status.AccountStatus;
import com.relationship.projection.churn.AccountFactsDocuments;
import com.relationship.projection.readmodel.ReadModel;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.relationship.projection.status.AccountStatusDocuments.ID;
import static com.relationship.projection.status.AccountStatusDocuments.KAM_STAGE;
import static com.relationship.projection.status.AccountStatusDocuments.STAGE;

/**
 * The account status read model in the pipeline: folded by {@link AccountStatusProjector}, stored
 * as {@link AccountStatusDocuments} with its scoring facts, moved by time passing when its standing
 * can change without an event, marked stale while dead letters are outstanding, and published to the
 * compacted status topic after every change (and again on a redelivery).
 */
public final class AccountStatusModel implements ReadModel<StatusView> {

    public static final String NAME = "account-status";
    private static final String FACTS = "facts";
    private static final String STANDING_NEXT_CHANGE = "standingNextChangeAt";

    private final AccountStatusProjector projector;
    private final String collection;
    private final StatusPublisher publisher;

    public AccountStatusModel(String collection, StatusPublisher publisher, AccountStatusProjector projector) {
        this.collection = collection;
        this.publisher = publisher;
        this.projector = projector;
    }

    /** With the default churn and bonding models. */
    public AccountStatusModel(String collection, StatusPublisher publisher) {
        this(collection, publisher, new AccountStatusProjector());
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The base group itself: the status read model had it before there were others, and keeps its position. */
    @Override
    public String consumerGroup(String base) {
        return base;
    }

    @Override
    public String collection() {
        return collection;
    }

    @Override
    public StatusView apply(StatusView view, EnvelopedAccountEvent event) {
        return projector.apply(view, event);
    }

    @Override
    public long lastAppliedSequence(StatusView view) {
        return view.status().lastAppliedSequence();
    }

    @Override
    public Instant nextChangeAt(StatusView view) {
        return view.nextChangeAt();
    }

    @Override
    public StatusView advance(StatusView view, Instant now) {
        return projector.advance(view, now);
    }

    /** The churn and bonding models: a change of either re-reckons every status once. */
    @Override
    public String fingerprint() {
        return projector.fingerprint();
    }

    @Override
    public void write(StatusView view, Document into) {
        AccountStatusDocuments.write(view.status(), into);
        into.append(FACTS, AccountFactsDocuments.write(view.facts()))
                .append(STANDING_NEXT_CHANGE, view.nextChangeAt() == null ? null : view.nextChangeAt().toString());
    }

    /**
     * The view in a document. A status written before the status kept its facts has none: they are
     * then taken from the status itself (stage, key account, open complaints), and bonds, surveys,
     * interactions and purchases recorded before the upgrade count once the status read model is
     * rebuilt (docs/read-models.md, "Account status").
     */
    @Override
    public StatusView read(Document from) {
        AccountStatus status = AccountStatusDocuments.read(from, projector.reportingCurrency());
        if (status == null) {
            return null;
        }
        Document facts = from.get(FACTS, Document.class);
        if (facts == null) {
            return projector.standing(status, AccountStatusProjector.factsOf(status), status.updatedAt());
        }
        String next = from.getString(STANDING_NEXT_CHANGE);
        return new StatusView(status, AccountFactsDocuments.read(facts), next == null ? null : Instant.parse(next));
    }

    /** The status as published, but for when its standing was last reckoned. */
    @Override
    public Object comparable(StatusView view) {
        AccountStatus s = view.status();
        return s.withStanding(s.bondingLevel(), s.bondStrength(), s.churnScore(), s.churnBand(), s.lastInteraction(),
                s.exchangeType(), null);
    }

    @Override
    public StatusView visible(StatusView view, String staleReason) {
        return view.withStale(staleReason);
    }

    /** Publishes when the status changed; a view whose only change is when to look again publishes nothing. */
    @Override
    public void stored(StatusView before, StatusView after) {
        if (before == null || !before.status().equals(after.status())) {
            publisher.publish(after.status());
        }
    }

    @Override
    public void republish(StatusView stored) {
        publisher.publish(stored.status());
    }

    /** Indexes of earlier versions that the ones below replace. */
    private static final List<String> RETIRED_INDEXES = List.of("stage_kamStage", "kamStage");

    /**
     * The indexes of the list and the funnel, on a real MongoDB and on the embedded one alike: each
     * filter of the list (none, stage, KAM stage, both) has an index that yields its page already in
     * the list's order (name, then id), so a page costs its own size at any number of accounts, and
     * counts its matches, as do the funnel's cells, from the index alone.
     */
    public static void ensureQueryIndexes(MongoCollection<Document> collection) {
        List<String> present = new ArrayList<>();
        collection.listIndexes().forEach(index -> present.add(index.getString("name")));
        RETIRED_INDEXES.stream().filter(present::contains).forEach(collection::dropIndex);
        String name = AccountStatusDocuments.NAME; // the account's name, not this read model's (NAME)
        collection.createIndex(Indexes.ascending(name, ID), new IndexOptions().name("name"));
        collection.createIndex(Indexes.ascending(STAGE, name, ID), new IndexOptions().name("stage_name"));
        collection.createIndex(Indexes.ascending(KAM_STAGE, name, ID), new IndexOptions().name("kamStage_name"));
        collection.createIndex(Indexes.ascending(STAGE, KAM_STAGE, name, ID), new IndexOptions().name("stage_kamStage_name"));
        // The dashboard: the median time in each stage, and the watch list in score order.
        collection.createIndex(Indexes.ascending(STAGE, "stageSince", ID), new IndexOptions().name("stage_since"));
        collection.createIndex(Indexes.ascending(KAM_STAGE, "kamStageSince", ID), new IndexOptions().name("kamStage_since"));
        collection.createIndex(Indexes.compoundIndex(Indexes.ascending(AccountStatusDocuments.CHURN_BAND),
                Indexes.descending(AccountStatusDocuments.CHURN_SCORE), Indexes.ascending(ID)),
                new IndexOptions().name("churnBand_score"));
        collection.createIndex(Indexes.compoundIndex(Indexes.descending(AccountStatusDocuments.CHURN_SCORE),
                Indexes.ascending(ID)), new IndexOptions().name("churnScore"));
        // The watch list's total in a band: a count per stage, each counted from this index alone.
        collection.createIndex(Indexes.ascending(AccountStatusDocuments.CHURN_BAND, STAGE), new IndexOptions()
                .name("churnBand_stage"));
    }
}
