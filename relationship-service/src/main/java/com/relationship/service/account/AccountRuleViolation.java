package com.relationship.service.account;

import com.relationship.contracts.account.KamStage;
import com.relationship.contracts.account.LifecycleStage;

import java.util.List;
import java.util.Map;

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
    private final Map<String, Object> facts;

    public AccountRuleViolation(Rule rule, String detail, LifecycleStage stage, KamStage kamStage) {
        this(rule, detail, stage, kamStage, List.of());
    }

    public AccountRuleViolation(Rule rule, String detail, LifecycleStage stage, KamStage kamStage,
                                List<String> missingEvidence) {
        this(rule, detail, stage, kamStage, missingEvidence, Map.of());
    }

    /** With {@code facts}: what the refusal is about, by name (the reference and the event that first recorded it). */
    public AccountRuleViolation(Rule rule, String detail, LifecycleStage stage, KamStage kamStage,
                                List<String> missingEvidence, Map<String, Object> facts) {
        super(detail);
        this.rule = rule;
        this.stage = stage;
        this.kamStage = kamStage;
        this.missingEvidence = List.copyOf(missingEvidence);
        this.facts = Map.copyOf(facts);
    }

    /** Named facts of the refusal, for the caller to act on without parsing the sentence; often none. */
    public Map<String, Object> facts() {
        return facts;
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
