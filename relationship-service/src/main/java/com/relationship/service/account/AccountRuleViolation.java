package com.relationship.service.account;

import com.relationship.contracts.account.KamStage;
import com.relationship.contracts.account.LifecycleStage;

import java.util.List;

/**
 * A command refused by a rule of the account. Thrown from the aggregate before anything is
 * applied, so a refused command writes no event. Carries what the caller needs to act: the rule,
 * a sentence saying what to do, the account's current stages and, for missing evidence, the list
 * of what is missing.
 */
public class AccountRuleViolation extends RuntimeException {

    private final Rule rule;
    private final LifecycleStage stage;
    private final KamStage kamStage;
    private final List<String> missingEvidence;

    public AccountRuleViolation(Rule rule, String detail, LifecycleStage stage, KamStage kamStage) {
        this(rule, detail, stage, kamStage, List.of());
    }

    public AccountRuleViolation(Rule rule, String detail, LifecycleStage stage, KamStage kamStage,
                                List<String> missingEvidence) {
        super(detail);
        this.rule = rule;
        this.stage = stage;
        this.kamStage = kamStage;
        this.missingEvidence = List.copyOf(missingEvidence);
    }

    public Rule rule() {
        return rule;
    }

    public LifecycleStage stage() {
        return stage;
    }

    public KamStage kamStage() {
        return kamStage;
    }

    public List<String> missingEvidence() {
        return missingEvidence;
    }
}
