package com.relationship.projection.infra;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.relationship.contracts.events.AccountEventCodec;
import com.relationship.contracts.status.AccountStatus;
import com.relationship.projection.ingest.ParkedEventsGauge;
import com.relationship.projection.ingest.ProjectionAlerts;
import com.relationship.projection.ingest.ProjectionMetrics;
import com.relationship.projection.ingest.ReadModelPipeline;
import com.relationship.projection.readmodel.AppliedEventLedger;
import com.relationship.projection.readmodel.ReadModel;
import com.relationship.projection.readmodel.ReadModelDocuments;
import com.relationship.projection.readmodel.ReadModelStore;
import com.relationship.projection.status.AccountStatusModel;
import com.relationship.projection.status.AccountStatusStore;
import com.relationship.projection.status.StatusPublisher;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import java.util.function.Consumer;

/**
 * The read models, each a {@link ReadModel} in a {@link ReadModelPipeline} of its own. The status
 * comes first ({@code @Order}): letters written before there were several read models are its.
 */
@Configuration(proxyBeanMethods = false)
class ReadModelsConfig {

    @Bean
    AccountStatusModel accountStatusModel(ProjectionProperties properties, StatusPublisher publisher) {
        return new AccountStatusModel(properties.store().collection(), publisher);
    }

    @Bean
    @Order(0)
    ReadModelPipeline<AccountStatus> accountStatusPipeline(AccountStatusModel model, Pipelines pipelines) {
        return pipelines.of(model, AccountStatusModel::ensureQueryIndexes);
    }

    @Bean
    AccountStatusStore accountStatusStore(ReadModelPipeline<AccountStatus> accountStatusPipeline) {
        return new AccountStatusStore(accountStatusPipeline.store());
    }

    @Bean
    Pipelines readModelPipelines(MongoDatabase projectionDatabase, AccountEventCodec codec, AppliedEventLedger ledger,
                                 ProjectionMetrics metrics, ProjectionAlerts alerts,
                                 ObjectProvider<ParkedEventsGauge> gauge, ProjectionProperties properties) {
        return new Pipelines(projectionDatabase, codec, ledger, metrics, alerts, gauge, properties);
    }

    /** Makes the pipeline of one read model: its store in its collection, the shared ledger, meters and alerts. */
    record Pipelines(MongoDatabase database, AccountEventCodec codec, AppliedEventLedger ledger,
                     ProjectionMetrics metrics, ProjectionAlerts alerts, ObjectProvider<ParkedEventsGauge> gauge,
                     ProjectionProperties properties) {

        <V> ReadModelPipeline<V> of(ReadModel<V> model, Consumer<MongoCollection<Document>> ownIndexes) {
            ReadModelStore<V> store = new ReadModelStore<>(database.getCollection(model.collection()),
                    new ReadModelDocuments<>(model, codec), ownIndexes);
            // The gauge recounts every read model; resolved late, because it needs the pipelines itself.
            return new ReadModelPipeline<>(model, store, ledger, metrics, alerts, () -> gauge.getObject().refresh(),
                    properties.store().maxWriteAttempts());
        }
    }
}
