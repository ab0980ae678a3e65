package com.relationship.account;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.relationship.contracts.account.Classification;
import com.relationship.contracts.account.KamStage;
import com.relationship.contracts.account.LifecycleStage;
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
 * @param lastEventAt           when that event was recorded
 * @param stageSince            when the account entered its lifecycle stage
 * @param lapsedFrom            the stage it lapsed from, while LAPSED
 * @param kamStage              null while never designated
 * @param complaintsOpened      every complaint id ever opened (open or resolved): an id opens once
 * @param resolvedComplaints    the complaint ids resolved
 * @param activeBonds           the bonds established and not dissolved, by id
 * @param dissolvedBonds        the bond ids dissolved
 * @param purchasesWhileLapsed  purchases recorded since the account lapsed: the one that wins it back
 *                              opens the new tenure
 * @param facts                 every fact recorded, by its minted id and the seller's reference: each is
 *                              recorded once; not part of the state's JSON form (the events are the facts)
 */
public record AccountState(UUID accountId, String name, Classification classification, LifecycleStage stage,
                           Instant stageSince, LifecycleStage lapsedFrom, KamStage kamStage, Instant kamStageSince,
                           Evidence evidence, Set<UUID> complaintsOpened, Set<UUID> resolvedComplaints,
                           Map<UUID, ActiveBond> activeBonds, Set<UUID> dissolvedBonds, int purchasesWhileLapsed,
                           long version, Instant registeredAt, Instant lastEventAt,
                           @JsonIgnore RecordedFacts facts) {

    public AccountState {
        complaintsOpened = Set.copyOf(complaintsOpened);
        resolvedComplaints = Set.copyOf(resolvedComplaints);
        activeBonds = Map.copyOf(activeBonds);
        dissolvedBonds = Set.copyOf(dissolvedBonds);
    }

    /** The state of an account from its first event, the registration recorded at {@code at}. */
    public static AccountState registered(AccountRegistered event, Instant at) {
        return new AccountState(event.accountId(), event.name(), event.classification(), LifecycleStage.PROSPECT, at,
                null, null, null, Evidence.none(), Set.of(), Set.of(), Map.of(), Set.of(), 0, 0, at, at,
                RecordedFacts.none());
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
        if (event instanceof AccountRegistered) {
            throw new IllegalArgumentException("account " + accountId + " is registered once, at sequence 0");
        } else if (event instanceof PurchaseRecorded) {
            next.evidence = evidence.withPurchase();
            if (stage == LifecycleStage.LAPSED) {
                next.purchasesWhileLapsed++;
            }
        } else if (event instanceof ReferralRecorded) {
            next.evidence = evidence.withReferral();
        } else if (event instanceof ComplaintOpened opened) {
            next.evidence = evidence.withComplaintOpened(opened.complaintId());
            next.complaintsOpened.add(opened.complaintId());
        } else if (event instanceof ComplaintResolved resolved) {
            next.evidence = evidence.withComplaintResolved(resolved.complaintId());
            next.resolvedComplaints.add(resolved.complaintId());
        } else if (event instanceof CoDevelopmentEngagementRecorded) {
            next.evidence = evidence.withCoDevelopmentEngagement();
        } else if (event instanceof PartnershipAgreementRecorded) {
            next.evidence = evidence.withPartnershipAgreement();
        } else if (event instanceof ComplianceReviewRecorded review) {
            next.evidence = evidence.withComplianceReview(review.outcome());
        } else if (event instanceof LifecycleStageAdvanced advanced) {
            next.enterStage(advanced.to(), at);
        } else if (event instanceof LifecycleStageDowngraded downgraded) {
            next.enterStage(downgraded.to(), at);
            next.evidence = evidence.keepingOnlyWhatEarned(downgraded.to());
        } else if (event instanceof AccountLapsed lapsed) {
            next.enterStage(LifecycleStage.LAPSED, at);
            next.lapsedFrom = lapsed.lapsedFrom();
            next.purchasesWhileLapsed = 0;
        } else if (event instanceof AccountWonBack) {
            next.enterStage(LifecycleStage.CUSTOMER, at);
            next.evidence = evidence.forNewTenure(purchasesWhileLapsed);
            next.purchasesWhileLapsed = 0;
        } else if (event instanceof ProspectDisqualified) {
            next.enterStage(LifecycleStage.DISQUALIFIED, at);
        } else if (event instanceof ProspectRequalified) {
            next.enterStage(LifecycleStage.PROSPECT, at);
        } else if (event instanceof AccountClassified classified) {
            next.classification = classified.classification();
        } else if (event instanceof KeyAccountDesignated) {
            next.enterKamStage(KamStage.PRE_KAM, at);
        } else if (event instanceof KamStageAdvanced kam) {
            next.enterKamStage(kam.to(), at);
        } else if (event instanceof KeyAccountUncoupled) {
            next.enterKamStage(KamStage.UNCOUPLING_KAM, at);
        } else if (event instanceof BondEstablished bond) {
            next.activeBonds.put(bond.bondId(), new ActiveBond(bond.kind(), bond.description(), bond.occurredAt(),
                    bond.validUntil()));
        } else if (event instanceof BondDissolved dissolved) {
            next.activeBonds.remove(dissolved.bondId());
            next.dissolvedBonds.add(dissolved.bondId());
        } else if (event instanceof InteractionRecorded || event instanceof SatisfactionSurveyed) {
            // Facts for the read side's scores; no rule of the account reads them.
        } else {
            throw new IllegalArgumentException("AccountState#evolve does not know " + event.getClass().getName());
        }
        return next.build();
    }

    /** The one mutable step of a fold: a copy of the state being changed by one event. */
    private static final class Draft {
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
        private Instant lastEventAt;
        private RecordedFacts facts;

        Draft(AccountState state) {
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
            lastEventAt = state.lastEventAt;
            facts = state.facts;
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

        AccountState build() {
            return new AccountState(accountId, name, classification, stage, stageSince, lapsedFrom, kamStage,
                    kamStageSince, evidence, complaintsOpened, resolvedComplaints, activeBonds, dissolvedBonds,
                    purchasesWhileLapsed, version, registeredAt, lastEventAt, facts);
        }
    }
}
