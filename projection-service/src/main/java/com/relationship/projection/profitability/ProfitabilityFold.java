package com.relationship.projection.profitability;

import com.relationship.contracts.account.BondKind;
import com.relationship.contracts.events.*;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What one event puts in an account's profitability ledger (issue 29, activity-based costing, seed 000):
 * a purchase its revenue and margin; a MEETING or VISIT interaction a SALES_VISIT, a CALL a CALL, a
 * complaint a SUPPORT_CASE, a CUSTOMIZATION bond a CUSTOMIZATION, each one unit for the rate card; a
 * service activity its units or its known cost; a profitability decision is kept beside the ledger. Every
 * other event puts nothing. Each line is dated when it happened (the event's own date, or the business time
 * it was recorded with).
 */
final class ProfitabilityFold implements AccountEventVisitor<ProfitabilityFold.Step> {

    /** What one event adds: ledger lines, and a decision (null for every event but a decision). */
    record Step(List<Ledger> lines, Decision decision) {
        static final Step NONE = new Step(List.of(), null);

        static Step lines(List<Ledger> lines) {
            return new Step(lines, null);
        }
    }

    static final String SALES_VISIT = "SALES_VISIT";
    static final String CALL = "CALL";
    static final String SUPPORT_CASE = "SUPPORT_CASE";
    static final String CUSTOMIZATION = "CUSTOMIZATION";

    private final String id;
    private final Instant businessTime;

    private ProfitabilityFold(EnvelopedAccountEvent enveloped) {
        this.id = enveloped.eventId();
        this.businessTime = enveloped.businessTime();
    }

    /** What {@code event} adds to the ledger and the decisions. */
    static Step of(EnvelopedAccountEvent event) {
        return event.event().accept(new ProfitabilityFold(event));
    }

    private Instant at(Instant said) {
        return said != null ? said : businessTime;
    }

    @Override
    public Step visit(AccountRegistered event) {
        return Step.NONE;
    }

    @Override
    public Step visit(PurchaseRecorded event) {
        // The margin as the purchase said it, or its amount less the cost of goods; null when it said neither.
        BigDecimal margin = event.grossMargin() != null ? event.grossMargin()
                : event.costOfGoods() != null ? event.amount().subtract(event.costOfGoods()) : null;
        return Step.lines(List.of(Ledger.revenue(id, at(event.occurredAt()), event.amount(), event.currency(), margin)));
    }

    @Override
    public Step visit(ReferralRecorded event) {
        return Step.NONE;
    }

    @Override
    public Step visit(ComplaintOpened event) {
        return Step.lines(List.of(Ledger.activity(id, at(null), SUPPORT_CASE, BigDecimal.ONE)));
    }

    @Override
    public Step visit(ComplaintResolved event) {
        return Step.NONE;
    }

    @Override
    public Step visit(CoDevelopmentEngagementRecorded event) {
        return Step.NONE;
    }

    @Override
    public Step visit(PartnershipAgreementRecorded event) {
        return Step.NONE;
    }

    @Override
    public Step visit(ComplianceReviewRecorded event) {
        return Step.NONE;
    }

    @Override
    public Step visit(LifecycleStageAdvanced event) {
        return Step.NONE;
    }

    @Override
    public Step visit(LifecycleStageDowngraded event) {
        return Step.NONE;
    }

    @Override
    public Step visit(AccountLapsed event) {
        return Step.NONE;
    }

    @Override
    public Step visit(AccountWonBack event) {
        return Step.NONE;
    }

    @Override
    public Step visit(ProspectDisqualified event) {
        return Step.NONE;
    }

    @Override
    public Step visit(ProspectRequalified event) {
        return Step.NONE;
    }

    @Override
    public Step visit(AccountClassified event) {
        return Step.NONE;
    }

    @Override
    public Step visit(KeyAccountDesignated event) {
        return Step.NONE;
    }

    @Override
    public Step visit(KamStageAdvanced event) {
        return Step.NONE;
    }

    @Override
    public Step visit(KeyAccountUncoupled event) {
        return Step.NONE;
    }

    @Override
    public Step visit(BondEstablished event) {
        return event.kind() == BondKind.CUSTOMIZATION
                ? Step.lines(List.of(Ledger.activity(id, at(event.occurredAt()), CUSTOMIZATION, BigDecimal.ONE))) : Step.NONE;
    }

    @Override
    public Step visit(BondDissolved event) {
        return Step.NONE;
    }

    @Override
    public Step visit(InteractionRecorded event) {
        String activity = switch (event.channel()) {
            case MEETING, VISIT -> SALES_VISIT;
            case CALL -> CALL;
            case EMAIL, PORTAL, EVENT -> null; // not priced: no card activity is one of them
        };
        return activity == null ? Step.NONE
                : Step.lines(List.of(Ledger.activity(id, at(event.occurredAt()), activity, BigDecimal.ONE)));
    }

    @Override
    public Step visit(SatisfactionSurveyed event) {
        return Step.NONE;
    }

    @Override
    public Step visit(ContactAdded event) {
        return Step.NONE;
    }

    @Override
    public Step visit(ContactRoleAssessed event) {
        return Step.NONE;
    }

    @Override
    public Step visit(ContactLeft event) {
        return Step.NONE;
    }

    @Override
    public Step visit(ContactErased event) {
        return Step.NONE;
    }

    @Override
    public Step visit(AccountOwnerAssigned event) {
        return Step.NONE;
    }

    @Override
    public Step visit(ValueComponentAssessed event) {
        return Step.NONE;
    }

    @Override
    public Step visit(WalletEstimated event) {
        return Step.NONE;
    }

    @Override
    public Step visit(RelationshipLevelAssessed event) {
        return Step.NONE;
    }

    @Override
    public Step visit(ServiceActivityRecorded event) {
        return Step.lines(List.of(event.quantity() != null
                ? Ledger.activity(id, at(null), event.activity(), event.quantity())
                : Ledger.cost(id, at(null), event.activity(), event.amount(), event.currency())));
    }

    @Override
    public Step visit(ProfitabilityDecided event) {
        return new Step(List.of(), new Decision(at(null), event.decision(), event.levers(), event.rationale(), id));
    }
}
