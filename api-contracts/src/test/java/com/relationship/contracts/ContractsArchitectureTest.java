package com.relationship.contracts;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Other teams depend on this module: it must not drag our services or frameworks in. */
@AnalyzeClasses(packages = "com.relationship.contracts", importOptions = ImportOption.DoNotIncludeTests.class)
class ContractsArchitectureTest {

    @ArchTest
    static final ArchRule dependsOnNoModuleOfOurs = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("com.relationship.service..", "com.relationship.projection..",
                    "com.relationship.infra..", "com.relationship.localstack..");

    @ArchTest
    static final ArchRule usesNoAxonOrSpring = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.axonframework..", "org.springframework..");
}
