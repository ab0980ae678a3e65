package com.relationship.service.account;

/**
 * Every rule of the account that can refuse a command. The name is the rule's public identity:
 * the web edge turns it into a problem type ({@code NOT_THE_NEXT_STAGE} becomes
 * {@code /problems/not-the-next-stage}).
 * <p>
 * Each rule says why it refused, in sentences a person can act on (the problem's {@code detail}):
 * {@code %s} are the facts of the case, filled in order; a rule with several sentences has one per
 * situation, the first the usual one. The aggregate picks the sentence and gives the facts; the words
 * live here, with the rule, not in the command handlers.
 */
public enum Rule {
    // The command is fine, the account's state refuses it (409).
    /** from, next, asked. */
    NOT_THE_NEXT_STAGE("Stages are climbed one at a time: from %s the next stage is %s, not %s."),
    /** target, what is missing. */
    EVIDENCE_MISSING("Moving to %s needs: %s. Record it first."),
    NO_STAGE_ABOVE("PARTNER is the highest stage."),
    /** 0: lapsed (from which stage); 1: disqualified. */
    NOT_ON_THE_LADDER("The account lapsed from %s: win it back to make it a CUSTOMER again.",
            "A disqualified prospect does not advance: requalify it first, with a reason."),
    /** current, asked. */
    NOT_A_DOWNGRADE("A downgrade moves a stage between CUSTOMER and the current stage %s down the ladder; %s is"
            + " not one. To end the relationship, lapse it."),
    /** 0: any stage off the ladder; 1: a prospect. */
    CANNOT_LAPSE("Only an account that has bought (CUSTOMER to PARTNER) can lapse; this one is %s.",
            "Only an account that has bought (CUSTOMER to PARTNER) can lapse; this one is %s: disqualify a"
                    + " prospect instead."),
    NOT_LAPSED("Only a LAPSED account can be won back; this one is %s."),
    /** when it lapsed. */
    /** 0: none; 1: the purchase the win-back carries is dated before the lapse (when it lapsed, the purchase's date). */
    WIN_BACK_NEEDS_A_PURCHASE("A won-back account is a CUSTOMER again, and CUSTOMER needs a purchase: record the"
            + " purchase that wins it back, dated after it lapsed (%s), then win it back, or send it with the win-back.",
            "The purchase that wins the account back must be dated after it lapsed (%s); this one is dated %s: record"
                    + " it as history with POST /purchases, and win the account back with a purchase made since."),
    /** 0: not on the ladder; 1: an account that has bought. */
    NOT_A_PROSPECT("Only a PROSPECT can be disqualified; this account is %s.",
            "Only a PROSPECT can be disqualified; this account is %s: lapse it instead."),
    PROSPECT_HAS_BOUGHT("This prospect has a recorded purchase, so it will buy: advance it to CUSTOMER instead of"
            + " disqualifying it."),
    NOT_DISQUALIFIED("Only a DISQUALIFIED prospect can be requalified; this one is %s."),
    ALREADY_CLASSIFIED_SO("The account is already %s."),
    KEY_ACCOUNT_MUST_STAY_STRATEGIC("The account is a key account at %s: uncouple it before classifying it TACTICAL."),
    NOT_STRATEGIC("Only a STRATEGIC account can be designated a key-account candidate; this one is %s. Classify it"
            + " STRATEGIC first, with a rationale."),
    ALREADY_A_KEY_ACCOUNT("The account is already on the KAM track at %s."),
    /** the KAM stage. */
    DISQUALIFYING_A_KEY_ACCOUNT("The prospect is on the KAM track at %s: uncouple it first, with a reason, then"
            + " disqualify it."),
    KAM_WHILE_LAPSED("The account is LAPSED, a lost customer: win it back before moving it on the KAM track."),
    COMPLIANCE_HOLD("The latest compliance review REJECTED the relationship: KAM advances are frozen until an APPROVED"
            + " review is recorded (or uncouple the account)."),
    /** 0: target, the lifecycle stage; 1: target; 2: target, what is missing. */
    PARTNERSHIP_KAM_GROUNDS_MISSING("%s binds both sides: only with an account that buys (CUSTOMER or above); this"
            + " one is %s.", "%s binds both sides: it needs an APPROVED compliance review (dependency and cartel"
            + " risk) in the account's current tenure. Record it first.",
            "%s binds both sides: it needs %s."),
    NOT_A_KEY_ACCOUNT("The account is not on the KAM track: designate it first."),
    /** 0: from, next, asked; 1: the same when uncoupling was asked; 2: the end of the track (stage). */
    NOT_THE_NEXT_KAM_STAGE("KAM stages are climbed one at a time: from %s the next is %s, not %s.",
            "KAM stages are climbed one at a time: from %s the next is %s, not %s (use uncouple, with a reason).",
            "%s is the end of the KAM track forward; only uncoupling remains."),
    ALREADY_UNCOUPLED("The key account is already uncoupled."),
    KEY_ACCOUNT_UNCOUPLED("The key account was uncoupled: designate it again, with a rationale, to restart the KAM"
            + " track at PRE_KAM."),
    /** account, complaint. */
    UNKNOWN_COMPLAINT("Account %s has no complaint %s; list its events to find the complaint id."),
    COMPLAINT_ALREADY_RESOLVED("Complaint %s is already resolved; open a new complaint if the issue is back."),
    COMPLAINT_ALREADY_OPENED("Complaint %s was opened before; a new issue needs a new complaint id."),
    ACCOUNT_DISQUALIFIED("The account is a disqualified prospect and records nothing: requalify it first"
            + " (POST .../lifecycle/requalify with a reason)."),
    BOND_ALREADY_ESTABLISHED("Bond %s was established before; a new bond needs a new bond id."),
    /** account, bond. */
    UNKNOWN_BOND("Account %s has no bond %s; list its events to find the bond id."),
    BOND_ALREADY_DISSOLVED("Bond %s is already dissolved."),
    /** account, contact. */
    UNKNOWN_CONTACT("Account %s has no contact %s. Contact ids are per account: a contact of another account is"
            + " unknown here too. Add the person to this account with POST .../contacts, or list the account's"
            + " events to find the contact id."),
    CONTACT_ALREADY_ADDED("Contact %s was added before; another person needs a new contact id."),
    /** contact, when they left. */
    CONTACT_LEFT("Contact %s left the account on %s: nothing new is recorded with them after that. If they came"
            + " back, add them again as a new contact."),
    /** contact, when they left. */
    CONTACT_ALREADY_LEFT("Contact %s already left the account, on %s."),
    /** the departure's time, when the contact was added. */
    LEFT_BEFORE_ADDED("A departure dated %s is before the contact was added (%s): date it at or after that."),
    /** owner, kind. */
    ALREADY_THE_OWNER("%s already owns the account as its %s; assign another person, or the same one as the other"
            + " kind."),
    /** when the level was assessed. */
    CO_CREATION_NEEDS_AN_ENGAGEMENT("Level 6, co-creation, means the customer creates with us: it needs a"
            + " co-development engagement in the account's current tenure, dated by %s. Record it first, or assess the"
            + " level the relationship is at."),
    /** Two situations: no CONVERT stands (the wait); a CONVERT too recent (when it was decided, the wait, from when). */
    FIRE_NEEDS_A_CONVERT_FIRST("An unprofitable account is fired only after converting it was tried (seed 000): decide"
            + " CONVERT first, with its levers, and FIRE it if it is still unprofitable %s later.",
            "The CONVERT decided %s has had %s to work; FIRE is open from %s. Give the levers time, or KEEP the"
                    + " account if it turned around."),
    /** field, its value, when the relationship began. */
    BEFORE_THE_RELATIONSHIP("%s %s is before the relationship began (%s, as the registration said): nothing is dated"
            + " before it. Correct the date."),
    /** the move's time, the latest move's time, the same. */
    MOVE_BEFORE_THE_LATEST_MOVE("A move dated %s cannot come before the account's latest move (%s): moves are recorded"
            + " in the order they happened. Date it at or after %s."),
    /** field, ref, version, event type. */
    REF_ALREADY_RECORDED("%s %s was recorded at version %s (%s) with other content; a reference is recorded once per"
            + " account: send the same content to get the first answer again, or use a new reference for another"
            + " fact."),
    /** field, id, version, event type. */
    FACT_ALREADY_RECORDED("%s %s was recorded at version %s (%s) with other content; a new fact needs a new id (or a"
            + " new Idempotency-Key)."),
    // A value in the command is unusable whatever the state (422).
    REASON_REQUIRED(true, "A reason is required: auditors read it in the account's history."),
    /** field, its value, now, the skew allowed. */
    IN_THE_FUTURE(true, "%s %s is in the future (it is %s, and clocks may differ by %s at most): record what has"
            + " happened, dated when it happened."),
    /** dueBy, when the complaint was raised. */
    DUE_BEFORE_RAISED(true, "dueBy %s is not after the complaint was raised (%s): a complaint is due after it is"
            + " raised."),
    /** what is wrong with which field: the check says it. */
    INVALID_VALUE(true, "%s");

    private final boolean invalidInput;
    private final java.util.List<String> sentences;

    Rule(String... sentences) {
        this(false, sentences);
    }

    Rule(boolean invalidInput, String... sentences) {
        this.invalidInput = invalidInput;
        this.sentences = java.util.List.of(sentences);
    }

    /** True when the command itself is at fault, false when the account's current state refuses it. */
    public boolean isInvalidInput() {
        return invalidInput;
    }

    /** The rule's usual sentence with the facts of the case. */
    public String says(Object... facts) {
        return saysIn(0, facts);
    }

    /** The rule's sentence for situation {@code which} (see the rule's comment) with the facts of the case. */
    public String saysIn(int which, Object... facts) {
        return String.format(java.util.Locale.ROOT, sentences.get(which), facts);
    }

    /** {@code EVIDENCE_MISSING} as {@code evidence-missing}. */
    public String slug() {
        return name().toLowerCase().replace('_', '-');
    }
}
