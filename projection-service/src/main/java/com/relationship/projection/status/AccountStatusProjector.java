package com.relationship.projection.status;

import com.relationship.contracts.account.Classification;
import com.relationship.contracts.account.KamStage;
import com.relationship.contracts.account.LifecycleStage;
import com.relationship.contracts.events.AccountClassified;
import com.relationship.contracts.events.AccountEvent;
import com.relationship.contracts.events.AccountLapsed;
import com.relationship.contracts.events.AccountRegistered;
import com.relationship.contracts.events.AccountWonBack;
import com.relationship.contracts.events.ComplaintOpened;
import com.relationship.contracts.events.ComplaintResolved;
import com.relationship.contracts.events.EnvelopedAccountEvent;
import com.relationship.contracts.events.KamStageAdvanced;
import com.relationship.contracts.events.KeyAccountDesignated;
import com.relationship.contracts.events.KeyAccountUncoupled;
import com.relationship.contracts.events.LifecycleStageAdvanced;
import com.relationship.contracts.events.LifecycleStageDowngraded;
import com.relationship.contracts.events.ProspectDisqualified;
import com.relationship.contracts.events.ProspectRequalified;
import com.relationship.contracts.events.PurchaseRecorded;
import com.relationship.contracts.status.AccountStatus;
import com.relationship.contracts.status.ExchangeType;
import com.relationship.contracts.status.Firmographics;
import com.relationship.contracts.status.OpenComplaint;
import com.relationship.contracts.status.StagePeriod;
import com.relationship.projection.readmodel.InconsistentEventStreamException;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The account status read model as a pure fold: (current status, next event) -> new status. No
 * framework, no clock, no I/O, so a rebuild from the event history gives the same status, and the
 * ordering and idempotence rules ({@link com.relationship.projection.readmodel.EventOrdering}) sit on top of it.
 * <p>
 * The time of every change is the envelope's {@code occurredAt} (the CloudEvent {@code time}).
 * Events are facts already checked by the aggregate: the fold applies what they say and does not
 * re-check the domain rules. Evidence events (referrals, engagements, agreements, reviews) only
 * advance {@code lastAppliedSequence}; the status does not show them yet.
 */
public final class AccountStatusProjector {

    /**
     * @param current the status after the events before this one; null before the first event
     * @throws InconsistentEventStreamException if the first event of an account is not its registration
     */
    public AccountStatus apply(AccountStatus current, EnvelopedAccountEvent enveloped) {
        AccountEvent event = enveloped.event();
        Instant at = enveloped.occurredAt();
        if (event instanceof AccountRegistered registered) {
            return registered(registered, enveloped);
        }
        if (current == null) {
            throw new InconsistentEventStreamException("account " + enveloped.accountId() + ": event "
                    + enveloped.type() + " (sequence " + enveloped.sequence() + ", id " + enveloped.eventId()
                    + ") comes before the account's registration");
        }
        Draft draft = new Draft(current);
        if (event instanceof PurchaseRecorded purchase) {
            draft.purchaseCount++;
            draft.purchaseTotals.merge(purchase.currency(), purchase.amount(), BigDecimal::add);
        } else if (event instanceof ComplaintOpened opened) {
            draft.openComplaints.removeIf(c -> c.complaintId().equals(opened.complaintId()));
            draft.openComplaints.add(new OpenComplaint(opened.complaintId(), opened.summary(), opened.dueBy(), at));
        } else if (event instanceof ComplaintResolved resolved) {
            draft.openComplaints.removeIf(c -> c.complaintId().equals(resolved.complaintId()));
        } else if (event instanceof LifecycleStageAdvanced advanced) {
            draft.changeStage(advanced.to(), at, null);
        } else if (event instanceof LifecycleStageDowngraded downgraded) {
            draft.changeStage(downgraded.to(), at, null);
        } else if (event instanceof AccountLapsed lapsed) {
            LifecycleStage from = lapsed.lapsedFrom() != null ? lapsed.lapsedFrom() : current.stage();
            draft.changeStage(LifecycleStage.LAPSED, at, from);
        } else if (event instanceof AccountWonBack) {
            draft.changeStage(LifecycleStage.CUSTOMER, at, null);
        } else if (event instanceof ProspectDisqualified) {
            draft.changeStage(LifecycleStage.DISQUALIFIED, at, null);
        } else if (event instanceof ProspectRequalified) {
            draft.changeStage(LifecycleStage.PROSPECT, at, null);
        } else if (event instanceof AccountClassified classified) {
            draft.classification = classified.classification();
        } else if (event instanceof KeyAccountDesignated) {
            draft.changeKamStage(KamStage.PRE_KAM, at);
        } else if (event instanceof KamStageAdvanced kam) {
            draft.changeKamStage(kam.to(), at);
        } else if (event instanceof KeyAccountUncoupled) {
            draft.changeKamStage(KamStage.UNCOUPLING_KAM, at);
        }
        // ReferralRecorded, CoDevelopmentEngagementRecorded, PartnershipAgreementRecorded and
        // ComplianceReviewRecorded are evidence for the write side's rules: nothing in the status changes.
        draft.lastAppliedSequence = enveloped.sequence();
        draft.updatedAt = at;
        return draft.build();
    }

    /** Folds a whole history, in order, from nothing. */
    public AccountStatus fold(List<EnvelopedAccountEvent> history) {
        AccountStatus status = null;
        for (EnvelopedAccountEvent event : history) {
            status = apply(status, event);
        }
        return status;
    }

    /**
     * The exchange type (docs/domain.md), from the lifecycle stage alone for now. When the bonding read model
     * exists, bonds will refine it: a CUSTOMER held by structural bonds is more than transactional.
     */
    public static ExchangeType exchangeTypeOf(LifecycleStage stage) {
        return switch (stage) {
            case PROSPECT, CUSTOMER, LAPSED, DISQUALIFIED -> ExchangeType.TRANSACTIONAL;
            case CLIENT, SUPPORTER -> ExchangeType.VALUE_ADDED;
            case ADVOCATE, PARTNER -> ExchangeType.COLLABORATIVE;
        };
    }

    private static AccountStatus registered(AccountRegistered e, EnvelopedAccountEvent enveloped) {
        Instant at = enveloped.occurredAt();
        Classification classification = e.classification();
        return new AccountStatus(e.accountId(), e.name(),
                new Firmographics(e.industry(), e.employeeCount(), e.annualRevenue(), e.region()),
                LifecycleStage.PROSPECT, at, null, List.of(new StagePeriod(LifecycleStage.PROSPECT, at, null)),
                null, null, classification, exchangeTypeOf(LifecycleStage.PROSPECT), 0, Map.of(), List.of(),
                enveloped.sequence(), at, false, null);
    }

    /** A mutable copy of a status for one step of the fold; never escapes it. */
    private static final class Draft {
        private final AccountStatus from;
        private LifecycleStage stage;
        private Instant stageSince;
        private LifecycleStage lapsedFrom;
        private final List<StagePeriod> stagePeriods;
        private KamStage kamStage;
        private Instant kamStageSince;
        private Classification classification;
        private int purchaseCount;
        private final Map<String, BigDecimal> purchaseTotals;
        private final List<OpenComplaint> openComplaints;
        private long lastAppliedSequence;
        private Instant updatedAt;

        Draft(AccountStatus s) {
            from = s;
            stage = s.stage();
            stageSince = s.stageSince();
            lapsedFrom = s.lapsedFrom();
            stagePeriods = new ArrayList<>(s.stagePeriods());
            kamStage = s.kamStage();
            kamStageSince = s.kamStageSince();
            classification = s.classification();
            purchaseCount = s.purchaseCount();
            purchaseTotals = new TreeMap<>(s.purchaseTotals());
            openComplaints = new ArrayList<>(s.openComplaints());
        }

        /** Closes the current stage period at {@code at} and opens one for {@code to}. */
        void changeStage(LifecycleStage to, Instant at, LifecycleStage newLapsedFrom) {
            lapsedFrom = newLapsedFrom;
            if (to == stage) {
                return;
            }
            int last = stagePeriods.size() - 1;
            if (last >= 0 && stagePeriods.get(last).leftAt() == null) {
                StagePeriod current = stagePeriods.get(last);
                stagePeriods.set(last, new StagePeriod(current.stage(), current.enteredAt(), at));
            }
            stagePeriods.add(new StagePeriod(to, at, null));
            stage = to;
            stageSince = at;
        }

        void changeKamStage(KamStage to, Instant at) {
            if (to != kamStage) {
                kamStage = to;
                kamStageSince = at;
            }
        }

        AccountStatus build() {
            return new AccountStatus(from.accountId(), from.name(), from.firmographics(), stage, stageSince,
                    lapsedFrom, stagePeriods, kamStage, kamStageSince, classification, exchangeTypeOf(stage),
                    purchaseCount, purchaseTotals, openComplaints, lastAppliedSequence, updatedAt, false, null);
        }
    }
}
