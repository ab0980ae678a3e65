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
 * service activity its units or its known cost. Every other event puts nothing. Each line is dated when
 * it happened (the event's own date, or the business time it was recorded with).
 */
final class ProfitabilityFold implements AccountEventVisitor<List<Ledger>> {

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

    /** The lines {@code event} puts in the ledger. */
    static List<Ledger> linesOf(EnvelopedAccountEvent event) {
        return event.event().accept(new ProfitabilityFold(event));
    }

    private Instant at(Instant said) {
        return said != null ? said : businessTime;
    }

    @Override
    public List<Ledger> visit(AccountRegistered event) {
        return List.of();
    }

    @Override
    public List<Ledger> visit(PurchaseRecorded event) {
        // The margin as the purchase said it, or its amount less the cost of goods; null when it said neither.
        BigDecimal margin = event.grossMargin() != null ? event.grossMargin()
                : event.costOfGoods() != null ? event.amount().subtract(event.costOfGoods()) : null;
        return List.of(Ledger.revenue(id, at(event.occurredAt()), event.amount(), event.currency(), margin));
    }

    @Override
    public List<Ledger> visit(ReferralRecorded event) {
        return List.of();
    }

    @Override
    public List<Ledger> visit(ComplaintOpened event) {
        return List.of(Ledger.activity(id, at(null), SUPPORT_CASE, BigDecimal.ONE));
    }

    @Override
    public List<Ledger> visit(ComplaintResolved event) {
        return List.of();
    }

    @Override
    public List<Ledger> visit(CoDevelopmentEngagementRecorded event) {
        return List.of();
    }

    @Override
    public List<Ledger> visit(PartnershipAgreementRecorded event) {
        return List.of();
    }

    @Override
    public List<Ledger> visit(ComplianceReviewRecorded event) {
        return List.of();
    }

    @Override
    public List<Ledger> visit(LifecycleStageAdvanced event) {
        return List.of();
    }

    @Override
    public List<Ledger> visit(LifecycleStageDowngraded event) {
        return List.of();
    }

    @Override
    public List<Ledger> visit(AccountLapsed event) {
        return List.of();
    }

    @Override
    public List<Ledger> visit(AccountWonBack event) {
        return List.of();
    }

    @Override
    public List<Ledger> visit(ProspectDisqualified event) {
        return List.of();
    }

    @Override
    public List<Ledger> visit(ProspectRequalified event) {
        return List.of();
    }

    @Override
    public List<Ledger> visit(AccountClassified event) {
        return List.of();
    }

    @Override
    public List<Ledger> visit(KeyAccountDesignated event) {
        return List.of();
    }

    @Override
    public List<Ledger> visit(KamStageAdvanced event) {
        return List.of();
    }

    @Override
    public List<Ledger> visit(KeyAccountUncoupled event) {
        return List.of();
    }

    @Override
    public List<Ledger> visit(BondEstablished event) {
        return event.kind() == BondKind.CUSTOMIZATION
                ? List.of(Ledger.activity(id, at(event.occurredAt()), CUSTOMIZATION, BigDecimal.ONE)) : List.of();
    }

    @Override
    public List<Ledger> visit(BondDissolved event) {
        return List.of();
    }

    @Override
    public List<Ledger> visit(InteractionRecorded event) {
        String activity = switch (event.channel()) {
            case MEETING, VISIT -> SALES_VISIT;
            case CALL -> CALL;
            case EMAIL, PORTAL, EVENT -> null; // not priced: no card activity is one of them
        };
        return activity == null ? List.of() : List.of(Ledger.activity(id, at(event.occurredAt()), activity, BigDecimal.ONE));
    }

    @Override
    public List<Ledger> visit(SatisfactionSurveyed event) {
        return List.of();
    }

    @Override
    public List<Ledger> visit(ContactAdded event) {
        return List.of();
    }

    @Override
    public List<Ledger> visit(ContactRoleAssessed event) {
        return List.of();
    }

    @Override
    public List<Ledger> visit(ContactLeft event) {
        return List.of();
    }

    @Override
    public List<Ledger> visit(ContactErased event) {
        return List.of();
    }

    @Override
    public List<Ledger> visit(AccountOwnerAssigned event) {
        return List.of();
    }

    @Override
    public List<Ledger> visit(ValueComponentAssessed event) {
        return List.of();
    }

    @Override
    public List<Ledger> visit(WalletEstimated event) {
        return List.of();
    }

    @Override
    public List<Ledger> visit(RelationshipLevelAssessed event) {
        return List.of();
    }

    @Override
    public List<Ledger> visit(ServiceActivityRecorded event) {
        return List.of(event.quantity() != null
                ? Ledger.activity(id, at(null), event.activity(), event.quantity())
                : Ledger.cost(id, at(null), event.activity(), event.amount(), event.currency()));
    }
}
