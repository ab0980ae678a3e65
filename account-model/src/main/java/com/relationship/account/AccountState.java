package com.relationship.account;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.relationship.contracts.account.Classification;
import com.relationship.contracts.account.ComplianceOutcome;
import com.relationship.contracts.account.KamStage;
import com.relationship.contracts.account.LifecycleStage;
import com.relationship.contracts.account.OwnerKind;
import com.relationship.contracts.events.*;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * An account as its events made it, after the event at {@code version}: the one fold of
 * docs/domain.md. Immutable; {@link #evolve} answers the state after one more event. It records
 * facts only and refuses nothing: the rules that refuse commands read it.
 *
 * @param version               the sequence number of the last event folded (0 = registration)
 * @param lastEventAt           when that event happened (its business time)
 * @param stageSince            when the account entered its lifecycle stage
 * @param lapsedFrom            the stage it lapsed from, while LAPSED
 * @param kamStage              null while never designated
 * @param complaintsOpened      every complaint id ever opened (open or resolved): an id opens once
 * @param resolvedComplaints    the complaint ids resolved
 * @param activeBonds           the bonds established and not dissolved, by id
 * @param dissolvedBonds        the bond ids dissolved
 * @param purchasesWhileLapsed  purchases recorded since the account lapsed: the one that wins it back
 *                              opens the new tenure
 * @param complianceHold        the latest compliance review, in any tenure, REJECTED the relationship:
 *                              KAM advances wait for an APPROVED one
 * @param relationshipSince     when the relationship began, where the registration said so: nothing is
 *                              dated before it; null when it did not (then the registration is only
 *                              when it was recorded, and facts may be dated before it)
 * @param tenureSince           when the current tenure began: the lapse before the latest win-back; null
 *                              for the first tenure (it holds everything since the relationship began)
 * @param contacts              the account's buying committee by contact id, those who left too (an id is
 *                              never reused); no personal data ({@link KnownContact})
 * @param owner                 the subject of the seller's person who owns the account; null until assigned
 * @param ownerKind             whether that owner hunts or develops it; null with {@code owner}
 * @param convertingSince       when (business time) the account team decided to CONVERT the unprofitable
 *                              account, the first such decision since the last KEEP; null when none stands:
 *                              a FIRE needs one old enough
 * @param lapsedPurchases       when the purchases counted in {@code purchasesWhileLapsed} happened
 * @param facts                 every fact recorded, by its minted id and the seller's reference: each is
 *                              recorded once; not part of the state's JSON form (the events are the facts)
 */
public record AccountState(UUID accountId, String name, Classification classification, LifecycleStage stage,
                           Instant stageSince, LifecycleStage lapsedFrom, KamStage kamStage, Instant kamStageSince,
                           Evidence evidence, Set<UUID> complaintsOpened, Set<UUID> resolvedComplaints,
                           Map<UUID, ActiveBond> activeBonds, Set<UUID> dissolvedBonds, int purchasesWhileLapsed,
                           long version, Instant registeredAt, Instant lastEventAt, boolean complianceHold,
                           Instant relationshipSince, Instant tenureSince, Map<UUID, KnownContact> contacts,
                           String owner, OwnerKind ownerKind, Instant convertingSince, @JsonIgnore Dates lapsedPurchases,
                           @JsonIgnore RecordedFacts facts) {

    public AccountState {
        complaintsOpened = Set.copyOf(complaintsOpened);
        resolvedComplaints = Set.copyOf(resolvedComplaints);
        activeBonds = Map.copyOf(activeBonds);
        dissolvedBonds = Set.copyOf(dissolvedBonds);
        contacts = Map.copyOf(contacts);
    }

    /**
     * The state of an account from its first event, the registration dated {@code at} (its business
     * time: when the relationship began where it said so, else when it was recorded).
     */
    public static AccountState registered(AccountRegistered event, Instant at) {
        Instant since = event.relationshipSince() != null ? event.relationshipSince() : at;
        return new AccountState(event.accountId(), event.name(), event.classification(), LifecycleStage.PROSPECT,
                since, null, null, null, Evidence.none(), Set.of(), Set.of(), Map.of(), Set.of(), 0, 0, since, since,
                false, event.relationshipSince(), null, Map.of(), null, null, null, Dates.none(), RecordedFacts.none());
    }

    /** When the account last moved a lifecycle or KAM stage (its registration, before any move), by business time. */
    public Instant latestMoveAt() {
        return kamStageSince != null && kamStageSince.isAfter(stageSince) ? kamStageSince : stageSince;
    }

    /** On an active KAM track: designated and not uncoupled. */
    public boolean isKeyAccount() {
        return kamStage != null && kamStage != KamStage.UNCOUPLING_KAM;
    }

    public Set<UUID> openComplaints() {
        return evidence.openComplaints();
    }

    /**
     * The state after {@code event}, stored at {@code sequence} and recorded at {@code at}. An
     * event of another account, or a registration after the first event, is a broken history.
     */
    public AccountState evolve(AccountEvent event, long sequence, Instant at) {
        if (!event.accountId().equals(accountId)) {
            throw new IllegalArgumentException("event of account " + event.accountId() + " folded into " + accountId);
        }
        Draft next = new Draft(this);
        next.version = sequence;
        next.lastEventAt = at;
        next.facts = facts.with(event, sequence);
        next.at = at;
        StageMoves.lifecycleAfter(event).ifPresent(to -> next.enterStage(to, at));
        StageMoves.kamAfter(event).ifPresent(to -> next.enterKamStage(to, at));
        return event.accept(next).build();
    }

    /**
     * The one mutable step of a fold: a copy of the state being changed by one event. The stage moves
     * are {@link StageMoves}'; what else each event changes is its method here.
     */
    private static final class Draft implements AccountEventVisitor<Draft> {
        private final UUID accountId;
        private final String name;
        private Classification classification;
        private LifecycleStage stage;
        private Instant stageSince;
        private LifecycleStage lapsedFrom;
        private KamStage kamStage;
        private Instant kamStageSince;
        private Evidence evidence;
        private final Set<UUID> complaintsOpened;
        private final Set<UUID> resolvedComplaints;
        private final Map<UUID, ActiveBond> activeBonds;
        private final Set<UUID> dissolvedBonds;
        private int purchasesWhileLapsed;
        private long version;
        private final Instant registeredAt;
        private final Instant relationshipSince;
        private boolean complianceHold;
        private Instant at;
        private Instant tenureSince;
        private Dates lapsedPurchases;
        private final Instant stageSinceBefore;
        private Instant lastEventAt;
        private RecordedFacts facts;
        private final LifecycleStage stageBefore;
        private final Map<UUID, KnownContact> contacts;
        private String owner;
        private OwnerKind ownerKind;
        private Instant convertingSince;

        Draft(AccountState state) {
            stageBefore = state.stage;
            accountId = state.accountId;
            name = state.name;
            classification = state.classification;
            stage = state.stage;
            stageSince = state.stageSince;
            lapsedFrom = state.lapsedFrom;
            kamStage = state.kamStage;
            kamStageSince = state.kamStageSince;
            evidence = state.evidence;
            complaintsOpened = new HashSet<>(state.complaintsOpened);
            resolvedComplaints = new HashSet<>(state.resolvedComplaints);
            activeBonds = new HashMap<>(state.activeBonds);
            dissolvedBonds = new HashSet<>(state.dissolvedBonds);
            purchasesWhileLapsed = state.purchasesWhileLapsed;
            version = state.version;
            registeredAt = state.registeredAt;
            relationshipSince = state.relationshipSince;
            complianceHold = state.complianceHold;
            tenureSince = state.tenureSince;
            lapsedPurchases = state.lapsedPurchases;
            stageSinceBefore = state.stageSince;
            lastEventAt = state.lastEventAt;
            facts = state.facts;
            contacts = new HashMap<>(state.contacts);
            owner = state.owner;
            ownerKind = state.ownerKind;
            convertingSince = state.convertingSince;
        }

        void enterStage(LifecycleStage to, Instant at) {
            stage = to;
            stageSince = at;
            lapsedFrom = null;
        }

        void enterKamStage(KamStage to, Instant at) {
            kamStage = to;
            kamStageSince = at;
        }

        @Override
        public Draft visit(AccountRegistered event) {
            throw new IllegalArgumentException("account " + accountId + " is registered once, at sequence 0");
        }

        @Override
        public Draft visit(PurchaseRecorded event) {
            if (inTenure()) {
                evidence = evidence.withPurchase(at);
            }
            // What can win a lapsed account back: a purchase made after it lapsed, not one recorded late.
            if (stageBefore == LifecycleStage.LAPSED && !at.isBefore(stageSince)) {
                purchasesWhileLapsed++;
                lapsedPurchases = lapsedPurchases.with(at);
            }
            return this;
        }

        @Override
        public Draft visit(ReferralRecorded event) {
            if (inTenure()) {
                evidence = evidence.withReferral(at);
            }
            return this;
        }

        @Override
        public Draft visit(ComplaintOpened event) {
            evidence = evidence.withComplaintOpened(event.complaintId());
            complaintsOpened.add(event.complaintId());
            return this;
        }

        @Override
        public Draft visit(ComplaintResolved event) {
            evidence = evidence.withComplaintResolved(event.complaintId());
            resolvedComplaints.add(event.complaintId());
            return this;
        }

        @Override
        public Draft visit(CoDevelopmentEngagementRecorded event) {
            if (inTenure()) {
                evidence = evidence.withCoDevelopmentEngagement(at);
            }
            return this;
        }

        @Override
        public Draft visit(PartnershipAgreementRecorded event) {
            if (inTenure()) {
                evidence = evidence.withPartnershipAgreement(at);
            }
            return this;
        }

        @Override
        public Draft visit(ComplianceReviewRecorded event) {
            evidence = evidence.withComplianceReview(event.outcome(), at);
            complianceHold = event.outcome() == ComplianceOutcome.REJECTED;
            return this;
        }

        @Override
        public Draft visit(LifecycleStageAdvanced event) {
            return this; // the move is all
        }

        @Override
        public Draft visit(LifecycleStageDowngraded event) {
            evidence = evidence.keepingOnlyWhatEarned(event.to());
            return this;
        }

        @Override
        public Draft visit(AccountLapsed event) {
            lapsedFrom = StageMoves.lapsedFrom(event, stageBefore);
            purchasesWhileLapsed = 0;
            lapsedPurchases = Dates.none();
            return this;
        }

        @Override
        public Draft visit(AccountWonBack event) {
            tenureSince = stageSinceBefore; // the new tenure starts at the lapse: a fact dated earlier is history
            evidence = evidence.forNewTenure(lapsedPurchases);
            purchasesWhileLapsed = 0;
            lapsedPurchases = Dates.none();
            return this;
        }

        @Override
        public Draft visit(ProspectDisqualified event) {
            return this; // the move is all
        }

        @Override
        public Draft visit(ProspectRequalified event) {
            return this; // the move is all
        }

        @Override
        public Draft visit(AccountClassified event) {
            classification = event.classification();
            return this;
        }

        @Override
        public Draft visit(KeyAccountDesignated event) {
            return this; // the KAM move is all
        }

        @Override
        public Draft visit(KamStageAdvanced event) {
            return this; // the KAM move is all
        }

        @Override
        public Draft visit(KeyAccountUncoupled event) {
            return this; // the KAM move is all
        }

        @Override
        public Draft visit(BondEstablished event) {
            activeBonds.put(event.bondId(), new ActiveBond(event.kind(), event.description(), event.occurredAt(),
                    event.validUntil(), event.contactId()));
            return this;
        }

        @Override
        public Draft visit(BondDissolved event) {
            activeBonds.remove(event.bondId());
            dissolvedBonds.add(event.bondId());
            return this;
        }

        @Override
        public Draft visit(InteractionRecorded event) {
            return this; // a fact for the read side's scores; no rule of the account reads it
        }

        @Override
        public Draft visit(SatisfactionSurveyed event) {
            return this; // a fact for the read side's scores; no rule of the account reads it
        }

        @Override
        public Draft visit(ContactAdded event) {
            contacts.put(event.contactId(), new KnownContact(event.role(), event.influence(), at, null));
            return this;
        }

        @Override
        public Draft visit(ContactRoleAssessed event) {
            contacts.computeIfPresent(event.contactId(), (id, contact) -> contact.assessed(event.role(),
                    event.influence()));
            return this;
        }

        @Override
        public Draft visit(ContactLeft event) {
            // Their SOCIAL bonds dissolve by their own BondDissolved events, applied in the same step.
            contacts.computeIfPresent(event.contactId(), (id, contact) -> contact.leftAt(at));
            return this;
        }

        @Override
        public Draft visit(ContactErased event) {
            // Their key is destroyed (the web edge did it); the rules read no personal data, so nothing else changes.
            contacts.computeIfPresent(event.contactId(), (id, contact) -> contact.asErased());
            return this;
        }

        @Override
        public Draft visit(AccountOwnerAssigned event) {
            owner = event.owner();
            ownerKind = event.kind();
            return this;
        }

        @Override
        public Draft visit(ValueComponentAssessed event) {
            return this; // a judgement of value: no rule of the account reads it
        }

        @Override
        public Draft visit(WalletEstimated event) {
            return this; // an estimate: recorded once by its id (RecordedFacts), no rule reads it
        }

        @Override
        public Draft visit(RelationshipLevelAssessed event) {
            return this; // a judgement: the rule for level 6 reads the evidence, not the level before
        }

        @Override
        public Draft visit(ServiceActivityRecorded event) {
            return this; // a cost: recorded once by its id (RecordedFacts), no rule reads it
        }

        @Override
        public Draft visit(ProfitabilityDecided event) {
            convertingSince = ConvertingSince.after(convertingSince, event.decision(), at);
            return this;
        }

        /** A fact dated before the tenure began (before a win-back's lapse) is history, not evidence. */
        private boolean inTenure() {
            return tenureSince == null || !at.isBefore(tenureSince);
        }

        AccountState build() {
            return new AccountState(accountId, name, classification, stage, stageSince, lapsedFrom, kamStage,
                    kamStageSince, evidence, complaintsOpened, resolvedComplaints, activeBonds, dissolvedBonds,
                    purchasesWhileLapsed, version, registeredAt, lastEventAt, complianceHold, relationshipSince,
                    tenureSince, contacts, owner, ownerKind, convertingSince, lapsedPurchases, facts);
        }
    }
}
