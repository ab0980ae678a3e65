package com.relationship.service.account;

/**
 * Every rule of the account that can refuse a command. The name is the rule's public identity:
 * the web edge turns it into a problem type ({@code NOT_THE_NEXT_STAGE} becomes
 * {@code /problems/not-the-next-stage}).
 */
public enum Rule {
    // The command is fine, the account's state refuses it (409).
    NOT_THE_NEXT_STAGE,
    EVIDENCE_MISSING,
    NO_STAGE_ABOVE,
    NOT_ON_THE_LADDER,
    NOT_A_DOWNGRADE,
    CANNOT_LAPSE,
    NOT_LAPSED,
    NOT_A_PROSPECT,
    PROSPECT_HAS_BOUGHT,
    NOT_DISQUALIFIED,
    ALREADY_CLASSIFIED_SO,
    KEY_ACCOUNT_MUST_STAY_STRATEGIC,
    NOT_STRATEGIC,
    ALREADY_A_KEY_ACCOUNT,
    NOT_A_KEY_ACCOUNT,
    NOT_THE_NEXT_KAM_STAGE,
    ALREADY_UNCOUPLED,
    KEY_ACCOUNT_UNCOUPLED,
    UNKNOWN_COMPLAINT,
    COMPLAINT_ALREADY_RESOLVED,
    COMPLAINT_ALREADY_OPENED,
    ACCOUNT_DISQUALIFIED,
    BOND_ALREADY_ESTABLISHED,
    UNKNOWN_BOND,
    BOND_ALREADY_DISSOLVED,
    // A value in the command is unusable whatever the state (422).
    REASON_REQUIRED(true),
    INVALID_VALUE(true);

    private final boolean invalidInput;

    Rule() {
        this(false);
    }

    Rule(boolean invalidInput) {
        this.invalidInput = invalidInput;
    }

    /** True when the command itself is at fault, false when the account's current state refuses it. */
    public boolean isInvalidInput() {
        return invalidInput;
    }

    /** {@code EVIDENCE_MISSING} as {@code evidence-missing}. */
    public String slug() {
        return name().toLowerCase().replace('_', '-');
    }
}
