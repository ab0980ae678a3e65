package com.relationship.projection;

import com.relationship.projection.churn.ChurnRiskPublisher;
import com.relationship.projection.ingest.KafkaErrorHandling;
import com.relationship.projection.readmodel.EventOrdering;
import com.relationship.projection.readmodel.ProjectionState;
import com.relationship.projection.readmodel.ReadModel;
import com.relationship.projection.status.AccountStatusProjector;
import com.relationship.projection.status.StatusPublisher;
import com.relationship.contracts.folds.FoldRules;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.apache.kafka.clients.producer.Producer;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.ProducerFactory;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The read side's boundaries (CONTRIBUTING.md, "Conventions the architecture tests keep"). */
@AnalyzeClasses(packages = "com.relationship.projection", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Folds of account events are visitors: a new event type fails to compile until each says what it does. */
    @ArchTest
    static final ArchRule foldsAreVisitors = FoldRules.FOLDS_ARE_VISITORS;

    /** Events are written by the aggregate only; the read side has no event store, bus or gateway. */
    @ArchTest
    static final ArchRule noAxonAtAll = noClasses().should().dependOnClassesThat().resideInAPackage("org.axonframework..")
            .because("read-model code never writes events");

    @ArchTest
    static final ArchRule sendsNoCommands = noClasses().should().dependOnClassesThat()
            .resideInAPackage("com.relationship.contracts.commands..")
            .because("the read side only reads; commands go to relationship-service");

    /**
     * Only the status, churn-risk and value-tier publishers and the dead-letter recoverer produce to Kafka; the
     * publishers refuse the events topic and the recoverer targets the dead-letter topic, so nothing
     * here publishes to relationship.account-events.v1.
     */
    @ArchTest
    static final ArchRule onlyTwoProducers = noClasses().that().doNotBelongToAnyOf(StatusPublisher.class, ChurnRiskPublisher.class, KafkaErrorHandling.class,
                    com.relationship.projection.value.TierPublisher.class)
            .should().dependOnClassesThat().belongToAnyOf(KafkaOperations.class, ProducerFactory.class, Producer.class)
            .because("nothing on the read side publishes account events");

    /**
     * The folds, the scoring they share and the ordering rules are plain Java over the contracts: no
     * framework, no I/O. The status reckons its standing with the bonding and churn code itself.
     */
    @ArchTest
    static final ArchRule foldIsFrameworkFree = classes()
            .that().belongToAnyOf(AccountStatusProjector.class, EventOrdering.class, ProjectionState.class,
                    com.relationship.projection.churn.AccountFacts.class, com.relationship.projection.churn.ChurnScoring.class,
                    com.relationship.projection.bonding.Bonds.class, com.relationship.projection.bonding.BondingLevel.class)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.relationship.contracts..",
                    "com.relationship.account..",
                    "com.relationship.projection.status..", "com.relationship.projection.readmodel..",
                    "com.relationship.projection.churn..", "com.relationship.projection.bonding..");

    /** What the folds use of the bonding and churn packages is their pure part, never a store, a publisher or Spring. */
    @ArchTest
    static final ArchRule foldUsesOnlyThePureScoring = noClasses()
            .that().belongToAnyOf(AccountStatusProjector.class, com.relationship.projection.churn.AccountFacts.class,
                    com.relationship.projection.churn.ChurnScoring.class)
            .should().dependOnClassesThat().haveSimpleNameEndingWith("Store")
            .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Publisher")
            .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Controller")
            .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Properties");

    /**
     * The plug-in of a read model knows nothing of Kafka or Spring: the pipeline does that for every model. The
     * classes that read and write the collections (the store, the documents, the ledger, a followed copy) use MongoDB.
     */
    @ArchTest
    static final ArchRule readModelsArePlainJava = classes().that().resideInAPackage("com.relationship.projection.readmodel..")
            .and().doNotBelongToAnyOf(com.relationship.projection.readmodel.ReadModelStore.class,
                    com.relationship.projection.readmodel.AppliedEventLedger.class,
                    com.relationship.projection.readmodel.ReadModelDocuments.class,
                    com.relationship.projection.readmodel.FollowedCollection.class,
                    com.relationship.projection.readmodel.MongoLease.class)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.relationship.contracts..",
                    "com.relationship.account..",
                    "com.relationship.projection.readmodel..", "org.bson..");

    /** The timeline's fold and its document form are plain Java over the contracts, like the other folds. */
    @ArchTest
    static final ArchRule timelineFoldIsFrameworkFree = classes()
            .that().belongToAnyOf(com.relationship.projection.timeline.TimelineReadModel.class,
                    com.relationship.projection.timeline.TimelineView.class)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.relationship.contracts..",
                    "com.relationship.account..",
                    "com.relationship.projection.readmodel..", "com.relationship.projection.timeline..", "org.bson..");

    /**
     * The committee's fold, figures and document form are plain Java over the contracts too; of churn
     * they read the model's cadence alone.
     */
    @ArchTest
    static final ArchRule committeeFoldIsFrameworkFree = classes()
            .that().resideInAPackage("com.relationship.projection.committee..")
            .and().doNotBelongToAnyOf(com.relationship.projection.committee.CommitteeController.class)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.relationship.contracts..",
                    "com.relationship.account..", "com.relationship.projection.readmodel..",
                    "com.relationship.projection.committee..", "com.relationship.projection.churn..",
                    "com.relationship.projection.bonding..", "org.bson..");

    /**
     * The profitability ledger's fold, its pricing and the whale curve are plain Java over the contracts:
     * only its feed (Kafka), its controller and the service that reads the store are not.
     */
    @ArchTest
    static final ArchRule profitabilityFoldAndPricingAreFrameworkFree = classes()
            .that().belongToAnyOf(com.relationship.projection.profitability.ProfitabilityReadModel.class,
                    com.relationship.projection.profitability.Pricing.class,
                    com.relationship.projection.profitability.ProfitabilityReport.class,
                    com.relationship.projection.profitability.WhaleCurve.class,
                    com.relationship.projection.profitability.ReferenceData.class)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.relationship.contracts..",
                    "com.relationship.projection.readmodel..", "com.relationship.projection.profitability..", "org.bson..");

    /** Feature packages depend on the pipeline's plug-in, never the other way. */
    @ArchTest
    static final ArchRule readModelPackageDependsOnNoFeature = noClasses().that()
            .resideInAPackage("com.relationship.projection.readmodel..").should().dependOnClassesThat()
            .resideInAnyPackage("..status..", "..bonding..", "..churn..", "..timeline..", "..committee..", "..ingest..",
                    "..profitability..", "..value..", "..infra..");

    @ArchTest
    static final ArchRule featuresDoNotReachIntoTheWebEdge = noClasses()
            .that().resideInAnyPackage("..status..", "..funnel..", "..ingest..", "..bonding..", "..churn..", "..timeline..",
                    "..committee..", "..profitability..", "..value..", "..readmodel..")
            .should().dependOnClassesThat().resideInAPackage("com.relationship.projection.web..");
}
