package com.relationship.projection.churn;

import com.relationship.contracts.account.InteractionChannel;
import com.relationship.contracts.account.InteractionDirection;
import com.relationship.contracts.account.LifecycleStage;
import com.relationship.contracts.events.AccountLapsed;
import com.relationship.contracts.events.AccountRegistered;
import com.relationship.contracts.events.AccountWonBack;
import com.relationship.contracts.events.ComplaintOpened;
import com.relationship.contracts.events.ComplaintResolved;
import com.relationship.contracts.events.EnvelopedAccountEvent;
import com.relationship.contracts.events.InteractionRecorded;
import com.relationship.contracts.events.KamStageAdvanced;
import com.relationship.contracts.events.KeyAccountDesignated;
import com.relationship.contracts.events.KeyAccountUncoupled;
import com.relationship.contracts.events.LifecycleStageAdvanced;
import com.relationship.contracts.events.LifecycleStageDowngraded;
import com.relationship.contracts.events.ProspectDisqualified;
import com.relationship.contracts.events.ProspectRequalified;
import com.relationship.contracts.events.PurchaseRecorded;
import com.relationship.contracts.events.SatisfactionSurveyed;
import com.relationship.contracts.account.KamStage;
import com.relationship.projection.bonding.Bond;
import com.relationship.projection.bonding.Bonds;
import com.relationship.projection.churn.ChurnInputs.Complaint;
import com.relationship.projection.churn.ChurnInputs.Dated;
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
 */
public record AccountFacts(ChurnInputs inputs, LastInteraction lastInteraction) {

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
            return new AccountFacts(new ChurnInputs(LifecycleStage.PROSPECT, null, id, false, event.occurredAt(),
                    null, List.of(), null, List.of(), List.of()), null);
        }
        if (facts == null) {
            throw new InconsistentEventStreamException("account " + event.accountId() + ": event " + id + " ("
                    + event.type() + ") before its AccountRegistered");
        }
        ChurnInputs in = facts.inputs();
        LastInteraction last = facts.lastInteraction();
        ChurnInputs out = in;
        if (event.event() instanceof LifecycleStageAdvanced e) {
            out = stage(in, e.to(), null, id);
        } else if (event.event() instanceof LifecycleStageDowngraded e) {
            out = stage(in, e.to(), null, id);
        } else if (event.event() instanceof AccountLapsed e) {
            out = stage(in, LifecycleStage.LAPSED,
                e.lapsedFrom() != null ? e.lapsedFrom() : in.stage(), id);
        } else if (event.event() instanceof AccountWonBack e) {
            out = stage(in, LifecycleStage.CUSTOMER, null, id);
        } else if (event.event() instanceof ProspectDisqualified e) {
            out = stage(in, LifecycleStage.DISQUALIFIED, null, id);
        } else if (event.event() instanceof ProspectRequalified e) {
            out = stage(in, LifecycleStage.PROSPECT, null, id);
        } else if (event.event() instanceof KeyAccountDesignated e) {
            out = keyAccount(in, true);
        } else if (event.event() instanceof KamStageAdvanced e) {
            out = keyAccount(in, e.to() != KamStage.UNCOUPLING_KAM);
        } else if (event.event() instanceof KeyAccountUncoupled e) {
            out = keyAccount(in, false);
        } else if (event.event() instanceof ComplaintOpened e) {
            List<Complaint> open = new ArrayList<>(in.openComplaints());
            open.removeIf(c -> c.complaintId().equals(e.complaintId()));
            open.add(new Complaint(e.complaintId(), e.dueBy(), id));
            out = new ChurnInputs(in.stage(), in.lapsedFrom(), in.stageEventId(), in.keyAccount(),
                    in.registeredAt(), in.lastTwoWayInteraction(), open, in.latestSurvey(), in.bonds(),
                    in.purchases());
        } else if (event.event() instanceof ComplaintResolved e) {
            out = new ChurnInputs(in.stage(), in.lapsedFrom(), in.stageEventId(),
                in.keyAccount(), in.registeredAt(), in.lastTwoWayInteraction(), in.openComplaints().stream()
                .filter(c -> !c.complaintId().equals(e.complaintId())).toList(), in.latestSurvey(), in.bonds(),
                in.purchases());
        } else if (event.event() instanceof PurchaseRecorded e) {
            List<Dated> purchases = new ArrayList<>(in.purchases());
            purchases.add(new Dated(businessTime(e.occurredAt(), event), id));
            out = new ChurnInputs(in.stage(), in.lapsedFrom(), in.stageEventId(), in.keyAccount(),
                    in.registeredAt(), in.lastTwoWayInteraction(), in.openComplaints(), in.latestSurvey(),
                    in.bonds(), purchases);
        } else if (event.event() instanceof SatisfactionSurveyed e) {
            Instant at = businessTime(e.occurredAt(), event);
            // Surveys may be recorded late: the latest by business time is the one that counts.
            if (in.latestSurvey() == null || !at.isBefore(in.latestSurvey().at())) {
                out = new ChurnInputs(in.stage(), in.lapsedFrom(), in.stageEventId(), in.keyAccount(),
                        in.registeredAt(), in.lastTwoWayInteraction(), in.openComplaints(),
                        new Survey(e.score(), e.instrument(), at, id), in.bonds(), in.purchases());
            }
        } else if (event.event() instanceof InteractionRecorded e) {
            Instant at = businessTime(e.occurredAt(), event);
            if (last == null || !at.isBefore(last.at())) {
                last = new LastInteraction(at, e.channel(), e.direction(), id);
            }
            // Only a conversation answers indifference: an outbound email nobody answered does not.
            if (e.direction() == InteractionDirection.TWO_WAY && (in.lastTwoWayInteraction() == null
                    || !at.isBefore(in.lastTwoWayInteraction().at()))) {
                out = new ChurnInputs(in.stage(), in.lapsedFrom(), in.stageEventId(), in.keyAccount(),
                        in.registeredAt(), new Dated(at, id), in.openComplaints(), in.latestSurvey(), in.bonds(),
                        in.purchases());
            }
        } else {
            var bonds = Bonds.apply(in.bonds(), event);
            if (bonds != in.bonds()) {
                out = new ChurnInputs(in.stage(), in.lapsedFrom(), in.stageEventId(), in.keyAccount(),
                        in.registeredAt(), in.lastTwoWayInteraction(), in.openComplaints(), in.latestSurvey(),
                        bonds, in.purchases());
            }
        }
        return out == in && last == facts.lastInteraction() ? facts : new AccountFacts(out, last);
    }

    /**
     * These facts without what can no longer move a score at {@code now}: purchases older than two
     * spend periods and bonds past their validUntil. Keeps a document from growing with every
     * purchase an account ever made; {@code this} when nothing is dropped.
     */
    public AccountFacts trimmed(Instant now, Duration spendPeriod) {
        ChurnInputs in = inputs;
        Instant horizon = now.minus(spendPeriod).minus(spendPeriod);
        List<Dated> purchases = in.purchases().stream().filter(p -> !p.at().isBefore(horizon)).toList();
        List<Bond> bonds = Bonds.notEnded(in.bonds(), now);
        if (purchases.size() == in.purchases().size() && bonds == in.bonds()) {
            return this;
        }
        return new AccountFacts(new ChurnInputs(in.stage(), in.lapsedFrom(), in.stageEventId(), in.keyAccount(),
                in.registeredAt(), in.lastTwoWayInteraction(), in.openComplaints(), in.latestSurvey(), bonds,
                purchases), lastInteraction);
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
        return occurredAt != null ? occurredAt : event.occurredAt();
    }
}
