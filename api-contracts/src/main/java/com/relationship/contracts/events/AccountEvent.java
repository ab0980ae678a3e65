package com.relationship.contracts.events;

import java.util.UUID;

/**
 * Something that happened to one account. The account's whole state is a fold of these,
 * in sequence order. The time an event happened is the event's own timestamp (the stored
 * event's and the CloudEvent's {@code time}); payloads carry only business times given by
 * the caller, such as when a purchase occurred.
 */
public sealed interface AccountEvent permits AccountRegistered, PurchaseRecorded, ReferralRecorded,
        ComplaintOpened, ComplaintResolved, CoDevelopmentEngagementRecorded, PartnershipAgreementRecorded,
        ComplianceReviewRecorded, LifecycleStageAdvanced, LifecycleStageDowngraded, AccountLapsed,
        AccountWonBack, ProspectDisqualified, ProspectRequalified, AccountClassified, KeyAccountDesignated,
        KamStageAdvanced, KeyAccountUncoupled, BondEstablished, BondDissolved, InteractionRecorded,
        SatisfactionSurveyed, ContactAdded, ContactRoleAssessed, ContactLeft, ContactErased, AccountOwnerAssigned,
        ValueComponentAssessed, WalletEstimated, RelationshipLevelAssessed, ServiceActivityRecorded,
        ProfitabilityDecided {

    UUID accountId();

    /** What {@code visitor} makes of this event: its method for this event's type. */
    <R> R accept(AccountEventVisitor<R> visitor);
}
