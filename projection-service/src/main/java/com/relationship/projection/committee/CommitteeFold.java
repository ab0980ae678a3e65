package com.relationship.projection.committee;

import com.relationship.account.StageMoves;
import com.relationship.contracts.account.InteractionDirection;
import com.relationship.contracts.account.KamStage;
import com.relationship.contracts.account.LifecycleStage;
import com.relationship.contracts.events.*;
import com.relationship.projection.committee.Contact.ContactStatus;
import com.relationship.projection.committee.Contact.Departure;
import com.relationship.projection.committee.Contact.RoleAssessment;
import com.relationship.projection.committee.Contact.Touch;
import com.relationship.projection.readmodel.InconsistentEventStreamException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One step of the committee's fold: the contacts, the two-way interactions and the cadence basis after
 * one event. The stage moves are {@link StageMoves}'; what else each event changes is its method.
 * Events that name a contact this account does not know (the write side refuses them) change nothing:
 * the committee shows what the account's own events say, it does not police them.
 */
final class CommitteeFold implements AccountEventVisitor<CommitteeFold> {

    private final EnvelopedAccountEvent enveloped;
    private final String id;
    private final LifecycleStage stageBefore;
    CadenceBasis basis;
    final List<Contact> contacts;
    final List<TwoWay> twoWay;

    private CommitteeFold(CommitteeView before, EnvelopedAccountEvent enveloped) {
        this.enveloped = enveloped;
        this.id = enveloped.eventId();
        this.basis = before == null ? CadenceBasis.NONE : before.basis();
        this.stageBefore = basis.stage();
        this.contacts = new ArrayList<>(before == null ? List.of() : before.contacts());
        this.twoWay = new ArrayList<>(before == null ? List.of() : before.recentTwoWay());
    }

    static CommitteeFold apply(CommitteeView before, EnvelopedAccountEvent event) {
        CommitteeFold fold = new CommitteeFold(before, event);
        if (before == null && StageMoves.lifecycleAfter(event.event()).isEmpty()) {
            throw new InconsistentEventStreamException("account " + event.accountId() + ": event " + event.eventId()
                    + " (" + event.type() + ") before its AccountRegistered");
        }
        StageMoves.lifecycleAfter(event.event()).ifPresent(to -> fold.basis = fold.basis.movedTo(to, null, fold.id));
        StageMoves.kamAfter(event.event())
                .ifPresent(kam -> fold.basis = fold.basis.onKamTrack(kam != KamStage.UNCOUPLING_KAM, fold.id));
        return event.event().accept(fold);
    }

    @Override
    public CommitteeFold visit(ContactAdded event) {
        if (indexOf(event.contactId()) < 0) { // added once; a repeat would be the write side's to refuse
            Instant at = enveloped.businessTime();
            // Kept sealed, as the event carries them: CommitteeController opens them in its answer.
            contacts.add(new Contact(event.contactId(), event.name(), event.title(), event.email(), event.phone(), event.role(), event.influence(), event.preferredChannel(), ContactStatus.ACTIVE, at, id, null,
                    null, List.of(new RoleAssessment(at, event.role(), event.influence(), null, id))));
        }
        return this;
    }

    @Override
    public CommitteeFold visit(ContactRoleAssessed event) {
        int at = indexOf(event.contactId());
        if (at >= 0) {
            contacts.set(at, contacts.get(at).assessed(new RoleAssessment(enveloped.businessTime(), event.role(),
                    event.influence(), event.reason(), id)));
        }
        return this;
    }

    @Override
    public CommitteeFold visit(ContactLeft event) {
        int at = indexOf(event.contactId());
        if (at >= 0 && contacts.get(at).isActive()) {
            contacts.set(at, contacts.get(at).left(new Departure(enveloped.businessTime(), event.reason(), id)));
        }
        return this;
    }

    @Override
    public CommitteeFold visit(ContactErased event) {
        int at = indexOf(event.contactId());
        if (at >= 0) {
            contacts.set(at, contacts.get(at).erased());
        }
        return this;
    }

    @Override
    public CommitteeFold visit(InteractionRecorded event) {
        // Only a conversation reaches someone, as for churn's indifference: an unanswered e-mail does not.
        if (event.direction() != InteractionDirection.TWO_WAY) {
            return this;
        }
        Instant at = event.occurredAt() != null ? event.occurredAt() : enveloped.businessTime();
        twoWay.add(new TwoWay(at, event.contactId(), id));
        int index = event.contactId() == null ? -1 : indexOf(event.contactId());
        if (index >= 0) {
            Contact contact = contacts.get(index);
            // Recorded late, an older conversation does not replace a newer one.
            Touch last = contact.lastTwoWayInteraction();
            if (last == null || !at.isBefore(last.at())) {
                contacts.set(index, contact.touched(new Touch(at, event.channel(), id)));
            }
        }
        return this;
    }

    @Override
    public CommitteeFold visit(AccountLapsed event) {
        basis = basis.movedTo(LifecycleStage.LAPSED, StageMoves.lapsedFrom(event, stageBefore), id);
        return this;
    }

    private int indexOf(UUID contactId) {
        for (int i = 0; i < contacts.size(); i++) {
            if (contacts.get(i).contactId().equals(contactId)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public CommitteeFold visit(AccountRegistered event) {
        return this; // the stage it starts in is StageMoves'
    }

    @Override
    public CommitteeFold visit(PurchaseRecorded event) {
        return this; // no contact in it
    }

    @Override
    public CommitteeFold visit(ReferralRecorded event) {
        return this; // no contact in it
    }

    @Override
    public CommitteeFold visit(ComplaintOpened event) {
        return this; // no contact in it
    }

    @Override
    public CommitteeFold visit(ComplaintResolved event) {
        return this; // no contact in it
    }

    @Override
    public CommitteeFold visit(CoDevelopmentEngagementRecorded event) {
        return this; // no contact in it
    }

    @Override
    public CommitteeFold visit(PartnershipAgreementRecorded event) {
        return this; // no contact in it
    }

    @Override
    public CommitteeFold visit(ComplianceReviewRecorded event) {
        return this; // no contact in it
    }

    @Override
    public CommitteeFold visit(LifecycleStageAdvanced event) {
        return this; // the move (the cadence) is all
    }

    @Override
    public CommitteeFold visit(LifecycleStageDowngraded event) {
        return this; // the move (the cadence) is all
    }

    @Override
    public CommitteeFold visit(AccountWonBack event) {
        return this; // the move (the cadence) is all
    }

    @Override
    public CommitteeFold visit(ProspectDisqualified event) {
        return this; // the move (the cadence) is all
    }

    @Override
    public CommitteeFold visit(ProspectRequalified event) {
        return this; // the move (the cadence) is all
    }

    @Override
    public CommitteeFold visit(AccountClassified event) {
        return this; // no contact in it
    }

    @Override
    public CommitteeFold visit(KeyAccountDesignated event) {
        return this; // the KAM move (a shorter cadence) is all
    }

    @Override
    public CommitteeFold visit(KamStageAdvanced event) {
        return this; // the KAM move is all
    }

    @Override
    public CommitteeFold visit(KeyAccountUncoupled event) {
        return this; // the KAM move is all
    }

    @Override
    public CommitteeFold visit(BondEstablished event) {
        return this; // a SOCIAL bond with a contact is the bonding model's; the committee counts conversations
    }

    @Override
    public CommitteeFold visit(BondDissolved event) {
        return this; // the departure behind it is the ContactLeft
    }

    @Override
    public CommitteeFold visit(SatisfactionSurveyed event) {
        return this; // a survey names no contact
    }

    @Override
    public CommitteeFold visit(AccountOwnerAssigned event) {
        return this; // the owner is one of the seller's people, not of the committee
    }

    @Override
    public CommitteeFold visit(ValueComponentAssessed event) {
        return this; // a judgement of value, not of the committee
    }

    @Override
    public CommitteeFold visit(WalletEstimated event) {
        return this; // a judgement of value, not of the committee
    }

    @Override
    public CommitteeFold visit(RelationshipLevelAssessed event) {
        return this; // the relationship as a whole, not one contact
    }

    @Override
    public CommitteeFold visit(ServiceActivityRecorded event) {
        return this; // a cost of serving the account, no contact's
    }

    @Override
    public CommitteeFold visit(ProfitabilityDecided event) {
        return this; // a decision about the account, no contact's
    }
}
