package com.relationship.contracts.folds;

import com.relationship.contracts.events.AccountEvent;
import com.relationship.contracts.events.AccountEventVisitor;
import com.relationship.contracts.events.AccountRegistered;
import com.tngtech.archunit.core.domain.InstanceofCheck;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * The architecture rule every service's tests apply to its folds of account events: a fold is an
 * {@link AccountEventVisitor}, never a chain of {@code instanceof} checks, so the compiler names every
 * fold a new event type must extend. The one check allowed is for {@link AccountRegistered}, where a
 * read model's fold starts an account's view.
 */
public final class FoldRules {

    private FoldRules() {
    }

    public static final ArchRule FOLDS_ARE_VISITORS = classes().should(new ArchCondition<JavaClass>(
            "tell account events apart only through AccountEventVisitor (instanceof AccountRegistered aside, where a"
                    + " fold starts)") {
        @Override
        public void check(JavaClass item, ConditionEvents events) {
            for (InstanceofCheck check : item.getInstanceofChecks()) {
                JavaClass type = check.getRawType();
                if (type.isAssignableTo(AccountEvent.class) && !type.isEquivalentTo(AccountEvent.class)
                        && !type.isEquivalentTo(AccountRegistered.class)) {
                    events.add(SimpleConditionEvent.violated(item, check.getOwner().getFullName() + " checks instanceof "
                            + type.getSimpleName() + " " + check.getSourceCodeLocation()
                            + ": implement AccountEventVisitor instead, so a new event type cannot be missed"));
                }
            }
        }
    }).because("adding an event must fail to compile until each fold says what it does with it (issue 26)");
}
