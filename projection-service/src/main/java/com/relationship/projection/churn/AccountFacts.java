package com.relationship.projection.churn;

import com.relationship.account.StageMoves;
import com.relationship.contracts.events.*;

import com.relationship.contracts.account.InteractionChannel;
import com.relationship.contracts.account.InteractionDirection;
import com.relationship.contracts.account.LifecycleStage;
import com.relationship.contracts.account.KamStage;
import com.relationship.projection.bonding.Bond;
import com.relationship.projection.bonding.Bonds;
import com.relationship.projection.churn.ChurnInputs.Complaint;
import com.relationship.projection.churn.ChurnInputs.Dated;
import com.relationship.projection.churn.ChurnInputs.Purchase;
import com.relationship.projection.churn.ChurnInputs.Survey;
import com.relationship.projection.readmodel.InconsistentEventStreamException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The one fold of the facts the read side scores an account on: the churn inputs, and the last
 * interaction of any direction (shown by the status). Every fact keeps the id of its event.
 *
 * @param lastInteraction the latest interaction by business time, of any direction; null when none
 * @param owner           the subject of the person who owns the account (issue 28); null while nobody does
 */
public record AccountFacts(ChurnInputs inputs, LastInteraction lastInteraction, String owner) {

    /** Facts of an account nobody owns. */
    public AccountFacts(ChurnInputs inputs, LastInteraction lastInteraction) {
        this(inputs, lastInteraction, null);
    }

    /** The latest interaction, whatever its direction: what the account manager last did or heard. */
    public record LastInteraction(Instant at, InteractionChannel channel, InteractionDirection direction,
                                  String eventId) {
    }

    /**
     * The facts after {@code event}; {@code facts} itself when the event says nothing the facts keep.
     *
     * @param facts null before the account's first event, which must be its AccountRegistered
     */
    public static AccountFacts apply(AccountFacts facts, EnvelopedAccountEvent event) {
        String id = event.eventId();
        if (event.event() instanceof AccountRegistered) {
            return new AccountFacts(new ChurnInputs(LifecycleStage.PROSPECT, null, id, false, event.businessTime(),
                    null, List.of(), null, List.of(), List.of()), null);
        }
        if (facts == null) {
            throw new InconsistentEventStreamException("account " + event.accountId() + ": event " + id + " ("
                    + event.type() + ") before its AccountRegistered");
        }
        Step step = new Step(facts, event);
        // Stage and KAM moves: what StageMoves says, the one answer the write side and the status use too.
        StageMoves.lifecycleAfter(event.event()).ifPresent(to -> step.out = stage(step.out, to, null, id));
        StageMoves.kamAfter(event.event())
                .ifPresent(kam -> step.out = keyAccount(step.out, kam != KamStage.UNCOUPLING_KAM));
        event.event().accept(step);
        return step.out == facts.inputs() && step.last == facts.lastInteraction()
                && java.util.Objects.equals(step.owner, facts.owner()) ? facts
                : new AccountFacts(step.out, step.last, step.owner);
    }

    /**
     * One step of the fold: the inputs and last interaction after one event, from those before it
     * ({@code in}). The stage moves are {@link StageMoves}'; what else each event changes is its method.
     */
    private static final class Step implements AccountEventVisitor<Step> {

        private final ChurnInputs in;
        private final EnvelopedAccountEvent enveloped;
        private final String id;
        private ChurnInputs out;
        private LastInteraction last;
        private String owner;

        Step(AccountFacts facts, EnvelopedAccountEvent enveloped) {
            this.in = facts.inputs();
            this.enveloped = enveloped;
            this.id = enveloped.eventId();
            this.out = in;
            this.last = facts.lastInteraction();
            this.owner = facts.owner();
        }

        @Override
        public Step visit(AccountRegistered event) {
            throw new IllegalStateException("a registration starts the facts; it is not folded into them");
        }

        @Override
        public Step visit(PurchaseRecorded event) {
            List<Purchase> purchases = new ArrayList<>(out.purchases());
            purchases.add(new Purchase(businessTime(event.occurredAt(), enveloped), event.amount(), event.currency(), id));
            out = new ChurnInputs(out.stage(), out.lapsedFrom(), out.stageEventId(), out.keyAccount(), out.registeredAt(),
                    out.lastTwoWayInteraction(), out.openComplaints(), out.latestSurvey(), out.bonds(), purchases);
            return this;
        }

        @Override
        public Step visit(ReferralRecorded event) {
            return this; // evidence for the write side; no churn input
        }

        @Override
        public Step visit(ComplaintOpened event) {
            List<Complaint> open = new ArrayList<>(out.openComplaints());
            open.removeIf(c -> c.complaintId().equals(event.complaintId()));
            open.add(new Complaint(event.complaintId(), event.dueBy(), id));
            out = new ChurnInputs(out.stage(), out.lapsedFrom(), out.stageEventId(), out.keyAccount(), out.registeredAt(),
                    out.lastTwoWayInteraction(), open, out.latestSurvey(), out.bonds(), out.purchases());
            return this;
        }

        @Override
        public Step visit(ComplaintResolved event) {
            out = new ChurnInputs(out.stage(), out.lapsedFrom(), out.stageEventId(), out.keyAccount(), out.registeredAt(),
                    out.lastTwoWayInteraction(), out.openComplaints().stream()
                    .filter(c -> !c.complaintId().equals(event.complaintId())).toList(), out.latestSurvey(), out.bonds(),
                    out.purchases());
            return this;
        }

        @Override
        public Step visit(CoDevelopmentEngagementRecorded event) {
            return this; // evidence for the write side; no churn input
        }

        @Override
        public Step visit(PartnershipAgreementRecorded event) {
            return this; // evidence for the write side; no churn input
        }

        @Override
        public Step visit(ComplianceReviewRecorded event) {
            return this; // evidence for the write side; no churn input
        }

        @Override
        public Step visit(LifecycleStageAdvanced event) {
            return this; // the move, if any, is all
        }

        @Override
        public Step visit(LifecycleStageDowngraded event) {
            return this; // the move, if any, is all
        }

        @Override
        public Step visit(AccountLapsed event) {
            out = stage(out, LifecycleStage.LAPSED, StageMoves.lapsedFrom(event, in.stage()), id);
            return this;
        }

        @Override
        public Step visit(AccountWonBack event) {
            return this; // the move, if any, is all
        }

        @Override
        public Step visit(ProspectDisqualified event) {
            return this; // the move, if any, is all
        }

        @Override
        public Step visit(ProspectRequalified event) {
            return this; // the move, if any, is all
        }

        @Override
        public Step visit(AccountClassified event) {
            return this; // no churn input
        }

        @Override
        public Step visit(KeyAccountDesignated event) {
            return this; // the move, if any, is all
        }

        @Override
        public Step visit(KamStageAdvanced event) {
            return this; // the move, if any, is all
        }

        @Override
        public Step visit(KeyAccountUncoupled event) {
            return this; // the move, if any, is all
        }

        @Override
        public Step visit(BondEstablished event) {
            return withBonds();
        }

        @Override
        public Step visit(BondDissolved event) {
            return withBonds();
        }

        @Override
        public Step visit(InteractionRecorded event) {
            Instant at = businessTime(event.occurredAt(), enveloped);
            if (last == null || !at.isBefore(last.at())) {
                last = new LastInteraction(at, event.channel(), event.direction(), id);
            }
            // Only a conversation answers indifference: an outbound email nobody answered does not.
            if (event.direction() == InteractionDirection.TWO_WAY && (out.lastTwoWayInteraction() == null
                    || !at.isBefore(out.lastTwoWayInteraction().at()))) {
                out = new ChurnInputs(out.stage(), out.lapsedFrom(), out.stageEventId(), out.keyAccount(),
                        out.registeredAt(), new Dated(at, id), out.openComplaints(), out.latestSurvey(), out.bonds(),
                        out.purchases());
            }
            return this;
        }

        @Override
        public Step visit(SatisfactionSurveyed event) {
            Instant at = businessTime(event.occurredAt(), enveloped);
            // Surveys may be recorded late: the latest by business time is the one that counts.
            if (out.latestSurvey() == null || !at.isBefore(out.latestSurvey().at())) {
                out = new ChurnInputs(out.stage(), out.lapsedFrom(), out.stageEventId(), out.keyAccount(),
                        out.registeredAt(), out.lastTwoWayInteraction(), out.openComplaints(),
                        new Survey(event.score(), event.instrument(), at, id), out.bonds(), out.purchases());
            }
            return this;
        }

        @Override
        public Step visit(ContactAdded event) {
            return this; // no factor reads the committee yet
        }

        @Override
        public Step visit(ContactRoleAssessed event) {
            return this; // no factor reads the committee yet
        }

        @Override
        public Step visit(ContactLeft event) {
            return this; // the SOCIAL bonds it dissolves come as their own BondDissolved
        }

        @Override
        public Step visit(ContactErased event) {
            return this; // moves no factor: the factors read roles and departures, not names
        }

        @Override
        public Step visit(AccountOwnerAssigned event) {
            owner = event.owner(); // moves no factor; the watch list's owner filter reads it
            return this;
        }

        @Override
        public Step visit(ValueComponentAssessed event) {
            return this; // moves no factor
        }

        @Override
        public Step visit(WalletEstimated event) {
            return this; // moves no factor
        }

        @Override
        public Step visit(RelationshipLevelAssessed event) {
            return this; // moves no factor
        }

        @Override
        public Step visit(ServiceActivityRecorded event) {
            return this; // a cost, the profitability read model's
        }

        @Override
        public Step visit(ProfitabilityDecided event) {
            return this; // a decision, the profitability read model's
        }

        private Step withBonds() {
            List<Bond> bonds = Bonds.apply(out.bonds(), enveloped);
            if (bonds != out.bonds()) {
                out = new ChurnInputs(out.stage(), out.lapsedFrom(), out.stageEventId(), out.keyAccount(),
                        out.registeredAt(), out.lastTwoWayInteraction(), out.openComplaints(), out.latestSurvey(),
                        bonds, out.purchases());
            }
            return this;
        }
    }

    /**
     * These facts without what can no longer move a score at {@code now}: purchases older than
     * {@code kept} (the model's {@link ChurnModel#purchasesKept()}) and bonds past their validUntil.
     * Keeps a document from growing with every purchase an account ever made; {@code this} when
     * nothing is dropped.
     */
    public AccountFacts trimmed(Instant now, Duration kept) {
        ChurnInputs in = inputs;
        Instant horizon = now.minus(kept);
        List<Purchase> purchases = in.purchases().stream().filter(p -> !p.at().isBefore(horizon)).toList();
        List<Bond> bonds = Bonds.notEnded(in.bonds(), now);
        if (purchases.size() == in.purchases().size() && bonds == in.bonds()) {
            return this;
        }
        return new AccountFacts(new ChurnInputs(in.stage(), in.lapsedFrom(), in.stageEventId(), in.keyAccount(),
                in.registeredAt(), in.lastTwoWayInteraction(), in.openComplaints(), in.latestSurvey(), bonds,
                purchases), lastInteraction, owner);
    }

    private static ChurnInputs stage(ChurnInputs in, LifecycleStage to, LifecycleStage lapsedFrom, String eventId) {
        return new ChurnInputs(to, lapsedFrom, eventId, in.keyAccount(), in.registeredAt(), in.lastTwoWayInteraction(),
                in.openComplaints(), in.latestSurvey(), in.bonds(), in.purchases());
    }

    private static ChurnInputs keyAccount(ChurnInputs in, boolean keyAccount) {
        return in.keyAccount() == keyAccount ? in : new ChurnInputs(in.stage(), in.lapsedFrom(), in.stageEventId(),
                keyAccount, in.registeredAt(), in.lastTwoWayInteraction(), in.openComplaints(), in.latestSurvey(),
                in.bonds(), in.purchases());
    }

    private static Instant businessTime(Instant occurredAt, EnvelopedAccountEvent event) {
        return occurredAt != null ? occurredAt : event.businessTime();
    }
}
