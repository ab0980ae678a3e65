package com.relationship.contracts.events;

/**
 * A fold of account events that says what it does with every type: one method per event type,
 * called by {@link AccountEvent#accept}. Every fold of the events (the write side's state, each
 * read model, the timeline's summaries) implements it, so a new event type fails to compile until
 * each of them has said what the event means to it. A method with nothing to do answers its input
 * unchanged; none has a default.
 *
 * @param <R> what the fold answers for one event
 */
public interface AccountEventVisitor<R> {

    R visit(AccountRegistered event);

    R visit(PurchaseRecorded event);

    R visit(ReferralRecorded event);

    R visit(ComplaintOpened event);

    R visit(ComplaintResolved event);

    R visit(CoDevelopmentEngagementRecorded event);

    R visit(PartnershipAgreementRecorded event);

    R visit(ComplianceReviewRecorded event);

    R visit(LifecycleStageAdvanced event);

    R visit(LifecycleStageDowngraded event);

    R visit(AccountLapsed event);

    R visit(AccountWonBack event);

    R visit(ProspectDisqualified event);

    R visit(ProspectRequalified event);

    R visit(AccountClassified event);

    R visit(KeyAccountDesignated event);

    R visit(KamStageAdvanced event);

    R visit(KeyAccountUncoupled event);

    R visit(BondEstablished event);

    R visit(BondDissolved event);

    R visit(InteractionRecorded event);

    R visit(SatisfactionSurveyed event);

    R visit(ContactAdded event);

    R visit(ContactRoleAssessed event);

    R visit(ContactLeft event);

    R visit(ContactErased event);

    R visit(AccountOwnerAssigned event);

    R visit(ValueComponentAssessed event);

    R visit(WalletEstimated event);

    R visit(RelationshipLevelAssessed event);

    R visit(ServiceActivityRecorded event);

    R visit(ProfitabilityDecided event);
}
