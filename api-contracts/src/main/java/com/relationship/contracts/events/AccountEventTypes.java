package com.relationship.contracts.events;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The public name and revision of every account event. The name is the CloudEvent
 * {@code type} on Kafka ({@code com.relationship.account.PurchaseRecorded.v1}) and the revision
 * the one stored with the event. A change to an event's serialised form bumps its revision
 * here, gets a golden file of its own and an upcaster on the write side.
 */
public final class AccountEventTypes {

    public static final String TYPE_PREFIX = "com.relationship.account.";

    private static final List<Class<? extends AccountEvent>> ALL = List.of(
            AccountRegistered.class, PurchaseRecorded.class, ReferralRecorded.class, ComplaintOpened.class,
            ComplaintResolved.class, CoDevelopmentEngagementRecorded.class, PartnershipAgreementRecorded.class,
            ComplianceReviewRecorded.class, LifecycleStageAdvanced.class, LifecycleStageDowngraded.class,
            AccountLapsed.class, AccountWonBack.class, ProspectDisqualified.class, ProspectRequalified.class,
            AccountClassified.class, KeyAccountDesignated.class, KamStageAdvanced.class, KeyAccountUncoupled.class,
            BondEstablished.class, BondDissolved.class, InteractionRecorded.class, SatisfactionSurveyed.class,
            ContactAdded.class, ContactRoleAssessed.class, ContactLeft.class, ContactErased.class,
            AccountOwnerAssigned.class,
            ValueComponentAssessed.class, WalletEstimated.class, RelationshipLevelAssessed.class,
            ServiceActivityRecorded.class, ProfitabilityDecided.class);

    /** Revisions that are not 1; empty until an event's form first changes. */
    private static final Map<Class<? extends AccountEvent>, Integer> REVISIONS = Map.of();

    private static final Map<String, Class<? extends AccountEvent>> BY_TYPE = new LinkedHashMap<>();

    static {
        ALL.forEach(eventClass -> BY_TYPE.put(typeOf(eventClass), eventClass));
    }

    private AccountEventTypes() {
    }

    public static List<Class<? extends AccountEvent>> all() {
        return ALL;
    }

    public static int revisionOf(Class<?> eventClass) {
        return REVISIONS.getOrDefault(eventClass, 1);
    }

    /** The CloudEvent type of an event class, for example {@code com.relationship.account.AccountLapsed.v1}. */
    public static String typeOf(Class<?> eventClass) {
        return TYPE_PREFIX + eventClass.getSimpleName() + ".v" + revisionOf(eventClass);
    }

    /** The event class a CloudEvent type names, if it is one of ours at a revision we know. */
    public static Optional<Class<? extends AccountEvent>> classOf(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }
}
