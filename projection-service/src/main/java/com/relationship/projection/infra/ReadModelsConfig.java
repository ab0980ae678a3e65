package com.relationship.projection.infra;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.relationship.contracts.events.AccountEventCodec;
import com.relationship.projection.bonding.BondingProperties;
import com.relationship.projection.bonding.BondingReadModel;
import com.relationship.projection.bonding.BondingStore;
import com.relationship.projection.bonding.BondingView;
import com.relationship.projection.churn.ChurnProperties;
import com.relationship.projection.churn.ChurnCalibrations;
import com.relationship.projection.churn.ChurnReadModel;
import com.relationship.projection.churn.ChurnRiskPublisher;
import com.relationship.projection.churn.ChurnRiskStore;
import com.relationship.projection.churn.ChurnView;
import com.relationship.projection.churn.TierCadences;
import com.relationship.projection.committee.CommitteeReadModel;
import com.relationship.projection.committee.CommitteeView;
import com.relationship.projection.profitability.PortfolioRanking;
import com.relationship.projection.profitability.Profitability;
import com.relationship.projection.profitability.ProfitabilityProperties;
import com.relationship.projection.profitability.ProfitabilityReadModel;
import com.relationship.projection.profitability.ProfitabilityView;
import com.relationship.projection.profitability.ReferenceDataFeed;
import com.relationship.projection.profitability.TrailingYearOnStatus;
import com.relationship.projection.value.ValueOnStatus;
import com.relationship.projection.value.ValueProperties;
import com.relationship.projection.value.ValueRanking;
import com.relationship.projection.value.ValueReadModel;
import com.relationship.projection.value.ValueView;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import java.time.Clock;
import com.relationship.projection.ingest.PeriodicRefresh;
import com.relationship.projection.ingest.EventTraces;
import com.relationship.projection.ingest.ParkedEventsGauge;
import com.relationship.projection.ingest.ProjectionAlerts;
import com.relationship.projection.ingest.ProjectionMetrics;
import com.relationship.projection.ingest.ReadModelPipeline;
import com.relationship.projection.readmodel.AppliedEventLedger;
import com.relationship.projection.readmodel.ReadModel;
import com.relationship.projection.readmodel.FollowedCollection;
import com.relationship.projection.readmodel.ReadModelDocuments;
import com.relationship.projection.readmodel.ReadModelStore;
import com.relationship.projection.status.AccountStatusModel;
import com.relationship.projection.status.AccountStatusProjector;
import com.relationship.projection.status.AccountStatusStore;
import com.relationship.projection.status.StatusPublisher;
import com.relationship.projection.status.StatusView;
import com.relationship.projection.timeline.TimelineProperties;
import com.relationship.projection.timeline.TimelineReadModel;
import com.relationship.projection.timeline.TimelineStore;
import com.relationship.projection.timeline.TimelineView;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import java.util.function.Consumer;

/**
 * The read models, each a {@link ReadModel} in a {@link ReadModelPipeline} of its own: the account
 * status, the bonding level, the churn risk, the timeline, the buying committee, the profitability ledger and the value inputs. The status comes first ({@code @Order}): letters
 * written before there were several read models are its.
 */
@Configuration(proxyBeanMethods = false)
class ReadModelsConfig {

    /** An annual revenue registered before registrations named its currency is in the profitability's reporting currency. */
    @Bean
    AccountStatusModel accountStatusModel(ProjectionProperties properties, StatusPublisher publisher,
                                          ChurnProperties churn, BondingProperties bonding,
                                          ProfitabilityProperties profitability, TierCadences tierCadences) {
        return new AccountStatusModel(properties.store().collection(), publisher,
                new AccountStatusProjector(churn.toModel(), bonding.toModel(),
                        profitability.reportingCurrency().getCurrencyCode(), tierCadences));
    }

    @Bean
    @Order(0)
    ReadModelPipeline<StatusView> accountStatusPipeline(AccountStatusModel model, Pipelines pipelines) {
        return pipelines.of(model, AccountStatusModel::ensureQueryIndexes);
    }

    @Bean
    AccountStatusStore accountStatusStore(ReadModelPipeline<StatusView> accountStatusPipeline) {
        return new AccountStatusStore(accountStatusPipeline.store());
    }

    @Bean
    BondingReadModel bondingReadModel(BondingProperties bonding) {
        return new BondingReadModel(bonding.toModel(), bonding.historyCap());
    }

    @Bean
    @Order(1)
    ReadModelPipeline<BondingView> bondingPipeline(BondingReadModel model, Pipelines pipelines) {
        return pipelines.of(model, BondingStore::ensureQueryIndexes);
    }

    @Bean
    BondingStore bondingStore(ReadModelPipeline<BondingView> bondingPipeline) {
        return new BondingStore(bondingPipeline.store());
    }

    @Bean
    ChurnReadModel churnReadModel(ChurnProperties churn, BondingProperties bonding, ChurnRiskPublisher publisher,
                                  ChurnCalibrations calibrations, TierCadences tierCadences) {
        return new ChurnReadModel(churn.toModel(), bonding.toModel(), churn.historyCap(), publisher,
                calibrations::current, tierCadences);
    }

    @Bean
    @Order(2)
    ReadModelPipeline<ChurnView> churnPipeline(ChurnReadModel model, Pipelines pipelines) {
        return pipelines.of(model, ChurnRiskStore::ensureQueryIndexes);
    }

    @Bean
    ChurnRiskStore churnRiskStore(ReadModelPipeline<ChurnView> churnPipeline) {
        return new ChurnRiskStore(churnPipeline.store());
    }

    @Bean
    TimelineReadModel timelineReadModel(TimelineProperties timeline) {
        return new TimelineReadModel(timeline.entryCap());
    }

    @Bean
    @Order(3)
    ReadModelPipeline<TimelineView> timelinePipeline(TimelineReadModel model, Pipelines pipelines) {
        return pipelines.of(model, TimelineStore::ensureQueryIndexes);
    }

    @Bean
    TimelineStore timelineStore(ReadModelPipeline<TimelineView> timelinePipeline) {
        return new TimelineStore(timelinePipeline.store());
    }

    /**
     * The committee holds the account to the churn model's contact cadence: one configuration for both. It
     * keeps each contact's personal data sealed, as the events carry it; {@code CommitteeController} opens
     * it in the answer ({@code "[erased]"} once the contact's key is destroyed).
     */
    @Bean
    CommitteeReadModel committeeReadModel(ChurnProperties churn) {
        return new CommitteeReadModel(churn.toModel());
    }

    /** Read by {@code _id}, and by when it was written for the value ranking (followed). */
    @Bean
    @Order(4)
    ReadModelPipeline<CommitteeView> committeePipeline(CommitteeReadModel model, Pipelines pipelines) {
        return pipelines.of(model, FollowedCollection::ensureIndexes);
    }

    @Bean
    ReadModelStore<CommitteeView> committeeStore(ReadModelPipeline<CommitteeView> committeePipeline) {
        return committeePipeline.store();
    }

    @Bean
    ProfitabilityReadModel profitabilityReadModel() {
        return new ProfitabilityReadModel();
    }

    /** Read by {@code _id}, and by when it was written for the whale curve's ranking ({@code PortfolioRanking}, followed). */
    @Bean
    @Order(5)
    ReadModelPipeline<ProfitabilityView> profitabilityPipeline(ProfitabilityReadModel model, Pipelines pipelines) {
        return pipelines.of(model, FollowedCollection::ensureIndexes);
    }

    @Bean
    ValueReadModel valueReadModel() {
        return new ValueReadModel();
    }

    /** Read by {@code _id}, and by when it was written for the value ranking (followed). */
    @Bean
    @Order(6)
    ReadModelPipeline<ValueView> valuePipeline(ValueReadModel model, Pipelines pipelines) {
        return pipelines.of(model, FollowedCollection::ensureIndexes);
    }

    /**
     * Every account's lifetime value, ranked and tiered, from the value and committee collections and the revenue
     * the profitability ranking prices; every instance keeps its own.
     */
    @Bean
    ValueRanking valueRanking(ReadModelPipeline<ValueView> valuePipeline, ReadModelPipeline<CommitteeView> committeePipeline,
                              PortfolioRanking portfolioRanking, ValueProperties value, ProfitabilityProperties profitability,
                              Clock clock) {
        return new ValueRanking(valuePipeline.store(), committeePipeline.store(), portfolioRanking, value,
                profitability.ranking(), clock);
    }

    /** This instance's copy of the exchange rates and rate cards the figures are priced with. */
    @Bean
    ReferenceDataFeed referenceDataFeed(KafkaProperties kafka, ProfitabilityProperties properties) {
        return new ReferenceDataFeed(kafka, properties.referenceDataTopic());
    }

    /** The portfolio's profitability in memory, ranked: every instance keeps its own from the shared collection. */
    @Bean
    PortfolioRanking portfolioRanking(ReadModelPipeline<ProfitabilityView> profitabilityPipeline, ReferenceDataFeed feed,
                                      ProfitabilityProperties properties, Clock clock) {
        return new PortfolioRanking(profitabilityPipeline.store(), feed, properties, clock);
    }

    /** Each status over REST with its trailing year's revenue and profit, from the ranking. */
    @Bean
    TrailingYearOnStatus trailingYearOnStatus(PortfolioRanking ranking, ProfitabilityProperties properties, Clock clock) {
        return new TrailingYearOnStatus(ranking, properties, clock);
    }

    /** The whale curve's ranking reads what changed every {@code projection.profitability.ranking.poll}. */
    @Bean
    PeriodicRefresh portfolioRankingRefresh(PortfolioRanking ranking, ProfitabilityProperties properties) {
        return new PeriodicRefresh("portfolio-ranking", properties.ranking().poll(), properties.ranking().busyPoll(),
                ranking::refresh);
    }

    /** Each status over REST with its value tier, rank and relationship level, from the ranking. */
    @Bean
    ValueOnStatus valueOnStatus(ValueRanking ranking) {
        return new ValueOnStatus(ranking);
    }

    /** The value ranking reads what changed every {@code projection.value.poll}. */
    @Bean
    PeriodicRefresh valueRankingRefresh(ValueRanking ranking, ValueProperties properties,
                                        ProfitabilityProperties profitability) {
        return new PeriodicRefresh("value-ranking", properties.poll(), profitability.ranking().busyPoll(), ranking::refresh);
    }

    @Bean
    Profitability profitability(ReadModelPipeline<ProfitabilityView> profitabilityPipeline, ReferenceDataFeed feed,
                                ProfitabilityProperties properties, Clock clock, PortfolioRanking ranking) {
        return new Profitability(profitabilityPipeline.store(), feed, properties, clock, ranking);
    }

    @Bean
    Pipelines readModelPipelines(MongoDatabase projectionDatabase, AccountEventCodec codec, AppliedEventLedger ledger,
                                 ProjectionMetrics metrics, ProjectionAlerts alerts,
                                 ObjectProvider<ParkedEventsGauge> gauge, ProjectionProperties properties,
                                 EventTraces traces) {
        return new Pipelines(projectionDatabase, codec, ledger, metrics, alerts, gauge, properties, traces);
    }

    /** Makes the pipeline of one read model: its store in its collection, the shared ledger, meters and alerts. */
    record Pipelines(MongoDatabase database, AccountEventCodec codec, AppliedEventLedger ledger,
                     ProjectionMetrics metrics, ProjectionAlerts alerts, ObjectProvider<ParkedEventsGauge> gauge,
                     ProjectionProperties properties, EventTraces traces) {

        <V> ReadModelPipeline<V> of(ReadModel<V> model, Consumer<MongoCollection<Document>> ownIndexes) {
            ReadModelStore<V> store = new ReadModelStore<>(database.getCollection(model.collection()),
                    new ReadModelDocuments<>(model, codec), ownIndexes);
            // The gauge recounts every read model; resolved late, because it needs the pipelines itself.
            return new ReadModelPipeline<>(model, store, ledger, metrics, alerts, () -> gauge.getObject().refresh(),
                    properties.store().maxWriteAttempts(), traces);
        }
    }
}
