package com.relationship.service.architecture;

import com.relationship.service.account.Account;
import com.relationship.contracts.folds.FoldRules;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The boundaries CONTRIBUTING.md describes ("Conventions the architecture tests keep"), checked every build. */
@AnalyzeClasses(packages = "com.relationship.service", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Folds of account events are visitors: a new event type fails to compile until each says what it does. */
    @ArchTest
    static final ArchRule foldsAreVisitors = FoldRules.FOLDS_ARE_VISITORS;

    /** Controllers send commands through the CommandGateway (via AccountCommands); they never hold an aggregate. */
    /** Feature packages depend on each other in one direction only: no package is part of a cycle. */
    @ArchTest
    static final ArchRule noPackageCycles = com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices()
            .matching("com.relationship.service.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule controllersNeverTouchTheAggregate = noClasses()
            .that().areAnnotatedWith(RestController.class)
            .should().dependOnClassesThat().areAssignableTo(Account.class)
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.axonframework.modelling.command.Repository")
            .orShould().dependOnClassesThat().resideInAPackage("org.axonframework.eventsourcing..");

    /** Only the web edge dispatches commands, and it does so in one place. */
    @ArchTest
    static final ArchRule onlyAccountCommandsUsesTheGateway = noClasses()
            .that().doNotHaveSimpleName("AccountCommands")
            .should().dependOnClassesThat()
            .haveFullyQualifiedName("org.axonframework.commandhandling.gateway.CommandGateway");

    /** The aggregate knows nothing of HTTP, Kafka or Spring MVC. */
    @ArchTest
    static final ArchRule theDomainKnowsNoEdges = noClasses()
            .that().resideInAnyPackage("..account..", "..lifecycle..", "..kam..")
            .and().areNotAnnotatedWith(RestController.class)
            .and().doNotHaveSimpleName("AccountHistory")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "org.apache.kafka..",
                    "org.springframework.kafka..", "com.relationship.service.relay..");

    @ArchTest
    static final ArchRule commandHandlersLiveInTheAggregate = classes()
            .that().containAnyMethodsThat(com.tngtech.archunit.base.DescribedPredicate.describe("are command handlers",
                    method -> method.isAnnotatedWith(org.axonframework.commandhandling.CommandHandler.class)))
            .should().beAssignableTo(Account.class);
}
