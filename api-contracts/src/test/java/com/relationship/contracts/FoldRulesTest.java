package com.relationship.contracts;

import com.relationship.contracts.events.AccountEvent;
import com.relationship.contracts.events.AccountLapsed;
import com.relationship.contracts.events.AccountRegistered;
import com.relationship.contracts.folds.FoldRules;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The services' fold rule refuses an instanceof chain over event types and lets a fold start at a registration. */
class FoldRulesTest {

    static final class ChainOfInstanceof {
        static String of(AccountEvent event) {
            if (event instanceof AccountLapsed lapsed) {
                return lapsed.reason();
            }
            return null;
        }
    }

    static final class FoldThatStartsAtARegistration {
        static boolean starts(AccountEvent event) {
            return event instanceof AccountRegistered;
        }
    }

    @Test
    void anInstanceofChainOverEventTypesIsAViolationAndAFoldStartIsNot() {
        EvaluationResult chain = FoldRules.FOLDS_ARE_VISITORS.evaluate(new ClassFileImporter()
                .importClasses(ChainOfInstanceof.class));
        assertThat(chain.hasViolation()).isTrue();
        assertThat(chain.getFailureReport().getDetails()).singleElement().asString().contains("AccountLapsed");

        assertThat(FoldRules.FOLDS_ARE_VISITORS.evaluate(new ClassFileImporter()
                .importClasses(FoldThatStartsAtARegistration.class)).hasViolation()).isFalse();
    }
}
