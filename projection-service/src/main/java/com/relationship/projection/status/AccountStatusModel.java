package com.relationship.projection.status;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.relationship.contracts.events.EnvelopedAccountEvent;
import com.relationship.contracts.status.AccountStatus;
import com.relationship.projection.readmodel.ReadModel;
import org.bson.Document;

import static com.relationship.projection.status.AccountStatusDocuments.KAM_STAGE;
import static com.relationship.projection.status.AccountStatusDocuments.STAGE;

/**
 * The account status read model in the pipeline: folded by {@link AccountStatusProjector}, stored
 * as {@link AccountStatusDocuments}, marked stale while dead letters are outstanding, and published
 * to the compacted status topic after every change (and again on a redelivery).
 */
public final class AccountStatusModel implements ReadModel<AccountStatus> {

    public static final String NAME = "account-status";

    private final AccountStatusProjector projector = new AccountStatusProjector();
    private final String collection;
    private final StatusPublisher publisher;

    public AccountStatusModel(String collection, StatusPublisher publisher) {
        this.collection = collection;
        this.publisher = publisher;
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
    public AccountStatus apply(AccountStatus view, EnvelopedAccountEvent event) {
        return projector.apply(view, event);
    }

    @Override
    public long lastAppliedSequence(AccountStatus view) {
        return view.lastAppliedSequence();
    }

    @Override
    public void write(AccountStatus view, Document into) {
        AccountStatusDocuments.write(view, into);
    }

    @Override
    public AccountStatus read(Document from) {
        return AccountStatusDocuments.read(from);
    }

    @Override
    public AccountStatus visible(AccountStatus view, String staleReason) {
        return view.withStale(staleReason);
    }

    @Override
    public void stored(AccountStatus before, AccountStatus after) {
        publisher.publish(after);
    }

    @Override
    public void republish(AccountStatus stored) {
        publisher.publish(stored);
    }

    /** The indexes of the list and funnel queries (ignored by the embedded server, used by a real MongoDB). */
    public static void ensureQueryIndexes(MongoCollection<Document> collection) {
        collection.createIndex(Indexes.ascending(STAGE, KAM_STAGE), new IndexOptions().name("stage_kamStage"));
        collection.createIndex(Indexes.ascending(KAM_STAGE), new IndexOptions().name("kamStage"));
    }
}
