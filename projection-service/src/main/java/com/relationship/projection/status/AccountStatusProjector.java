package com.relationship.projection.status;

import com.relationship.contracts.account.Classification;
import com.relationship.contracts.account.ComplianceOutcome;
import com.relationship.contracts.account.KamStage;
import com.relationship.contracts.account.LifecycleStage;
import com.relationship.contracts.events.*;
import com.relationship.contracts.status.AccountOwner;
import com.relationship.contracts.status.ProfitabilityStance;
import com.relationship.contracts.status.AccountStatus;
import com.relationship.contracts.status.ExchangeType;
import com.relationship.contracts.status.Firmographics;
import com.relationship.contracts.status.OpenComplaint;
import com.relationship.contracts.status.LastInteraction;
import com.relationship.contracts.status.StagePeriod;
import com.relationship.projection.bonding.Bond;
import com.relationship.projection.bonding.BondingLevel;
import com.relationship.projection.bonding.BondingModel;
import com.relationship.projection.churn.AccountFacts;
import com.relationship.projection.churn.ChurnInputs;
import com.relationship.projection.churn.TierCadences;
import com.relationship.projection.churn.ChurnModel;
import com.relationship.projection.churn.ChurnScore;
import com.relationship.projection.churn.ChurnScoring;
import com.relationship.account.StageMoves;
import com.relationship.projection.readmodel.InconsistentEventStreamException;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The account status read model as a pure fold: (current view, next event) -> new view. No
 * framework, no clock, no I/O, so a rebuild from the event history gives the same status, and the
 * ordering and idempotence rules ({@link com.relationship.projection.readmodel.EventOrdering}) sit on top of it.
 * <p>
 * The time of every change is the envelope's {@code occurredAt} (the CloudEvent {@code time}).
 * Events are facts already checked by the aggregate: the fold applies what they say and does not
 * re-check the domain rules. Evidence events (referrals, engagements, agreements, reviews) only
 * advance {@code lastAppliedSequence}; the status does not show them yet.
 * <p>
 * The standing (bonding level and strength, churn score and band, last interaction, exchange type) is
 * reckoned from the same facts, by the same code, as the bonding and churn-risk read models
 * ({@link AccountFacts}, {@link BondingLevel}, {@link ChurnScoring}), at the event's time or, when
 * time alone moves it, at the time of {@link #advance}: so the status and the churn-risk endpoint
 * agree on the score whenever both have seen the same events and the same time.
 */
public final class AccountStatusProjector {

    /** The default of {@code projection.profitability.reporting-currency}. */
    static final String DEFAULT_REPORTING_CURRENCY = "EUR";

    private final ChurnModel churn;
    private final BondingModel bonding;
    private final ChurnScoring scoring;
    private final String reportingCurrency;

    /**
     * @param reportingCurrency the ISO 4217 code of {@code projection.profitability.reporting-currency}: the
     *                          currency of an annual revenue registered before registrations named one
     */
    public AccountStatusProjector(ChurnModel churn, BondingModel bonding, String reportingCurrency) {
        this(churn, bonding, reportingCurrency, TierCadences.NONE);
    }

    /** @param tiers the cadence each account's value tier calls for, as last published: churn's indifference reads it */
    public AccountStatusProjector(ChurnModel churn, BondingModel bonding, String reportingCurrency, TierCadences tiers) {
        this.churn = churn;
        this.bonding = bonding;
        this.scoring = new ChurnScoring(churn, bonding, () -> null, tiers);
        this.reportingCurrency = Objects.requireNonNull(reportingCurrency, "reportingCurrency");
    }

    /** With the default reporting currency. */
    public AccountStatusProjector(ChurnModel churn, BondingModel bonding) {
        this(churn, bonding, DEFAULT_REPORTING_CURRENCY);
    }

    /** With the documented default churn and bonding models and reporting currency. */
    public AccountStatusProjector() {
        this(ChurnModel.defaults(), BondingModel.defaults());
    }

    /** The currency of an annual revenue whose registration names none. */
    public String reportingCurrency() {
        return reportingCurrency;
    }

    /**
     * The currency of a registration's annual revenue: the one it names or, for a registration recorded
     * before registrations named one (issue 29), {@code reportingCurrency}; none without an annual revenue.
     */
    static String revenueCurrency(BigDecimal annualRevenue, String named, String reportingCurrency) {
        return annualRevenue == null ? null : named != null ? named : reportingCurrency;
    }

    /**
     * @param current the view after the events before this one; null before the first event
     * @throws InconsistentEventStreamException if the first event of an account is not its registration
     */
    public StatusView apply(StatusView current, EnvelopedAccountEvent enveloped) {
        AccountStatus status = folded(current == null ? null : current.status(), enveloped);
        AccountFacts facts = AccountFacts.apply(current == null ? null : current.facts(), enveloped)
                .trimmed(enveloped.occurredAt(), churn.purchasesKept());
        return standing(status, facts, enveloped.occurredAt());
    }

    /**
     * The view as time has moved it to {@code now}: a bond ran out, silence grew, a complaint fell
     * due, or the account's value tier changed its cadence. {@code view} itself when the standing did not
     * move and neither did its next change.
     */
    public StatusView advance(StatusView view, Instant now) {
        AccountStatus before = view.status();
        // Not back in time: at its own instant it is reckoned again all the same, for what no event carries and time
        // does not move (the cadence of the account's value tier, published since).
        Instant at = before.standingAt() != null && !now.isAfter(before.standingAt()) ? before.standingAt() : now;
        StatusView moved = standing(before, view.facts().trimmed(at, churn.purchasesKept()), at);
        AccountStatus after = moved.status();
        boolean sameStanding = after.bondingLevel() == before.bondingLevel()
                && after.bondStrength() == before.bondStrength() && after.churnScore() == before.churnScore()
                && after.churnBand() == before.churnBand() && after.exchangeType() == before.exchangeType();
        if (!sameStanding) {
            return moved;
        }
        if (Objects.equals(moved.nextChangeAt(), view.nextChangeAt())) {
            return view;
        }
        // Nothing shown moved: keep the status (and its standingAt), only look again later.
        return new StatusView(before, moved.facts(), moved.nextChangeAt());
    }

    /** Folds a whole history, in order, from nothing: the status as at its last event. */
    public AccountStatus fold(List<EnvelopedAccountEvent> history) {
        StatusView view = null;
        for (EnvelopedAccountEvent event : history) {
            view = apply(view, event);
        }
        return view == null ? null : view.status();
    }

    /** Changes whenever the churn or bonding model does: every standing is then reckoned again. */
    public String fingerprint() {
        return scoring.fingerprint();
    }

    /**
     * The facts a status written before the status kept them still tells: its stage, whether it is on
     * an active KAM track, when it was registered and its open complaints. Bonds, surveys,
     * interactions and purchases are not in a status; they count again once the read model is rebuilt.
     */
    static AccountFacts factsOf(AccountStatus status) {
        boolean keyAccount = status.kamStage() != null && status.kamStage() != KamStage.UNCOUPLING_KAM;
        Instant registeredAt = status.stagePeriods().isEmpty() ? status.stageSince()
                : status.stagePeriods().get(0).enteredAt();
        return new AccountFacts(new ChurnInputs(status.stage(), status.lapsedFrom(), null, keyAccount, registeredAt,
                null, status.openComplaints().stream().map(c -> new ChurnInputs.Complaint(c.complaintId(), c.dueBy(),
                null)).toList(), null, List.of(), List.of()), null);
    }

    /** {@code status} with its standing reckoned from {@code facts} at {@code at}. */
    StatusView standing(AccountStatus status, AccountFacts facts, Instant at) {
        List<Bond> bonds = facts.inputs().bonds();
        BondingLevel level = BondingLevel.of(bonds, bonding, at);
        ChurnScore score = scoring.score(status.accountId(), facts.inputs(), at);
        AccountFacts.LastInteraction last = facts.lastInteraction();
        AccountStatus reckoned = status.withStanding(level.highestLevel(), level.strength(), score.score(),
                score.band(), last == null ? null : new LastInteraction(last.at(), last.channel(), last.direction(),
                        last.eventId()), ExchangeTypes.of(status.stage(), level.highestLevel()), at);
        return new StatusView(reckoned, facts, earliest(score.nextRescoreAt(), BondingLevel.nextChange(bonds, bonding, at)));
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    /** The status after {@code enveloped}, its standing as before (reckoned afterwards). */
    private AccountStatus folded(AccountStatus current, EnvelopedAccountEvent enveloped) {
        AccountEvent event = enveloped.event();
        Instant at = enveloped.businessTime(); // stage periods go by when it happened, not when it was recorded
        if (event instanceof AccountRegistered registered) {
            return registered(registered, enveloped);
        }
        if (current == null) {
            throw new InconsistentEventStreamException("account " + enveloped.accountId() + ": event "
                    + enveloped.type() + " (sequence " + enveloped.sequence() + ", id " + enveloped.eventId()
                    + ") comes before the account's registration");
        }
        Draft draft = new Draft(current, at, enveloped.eventId());
        // Stage and KAM moves: what StageMoves says, the one answer the write side and the timeline use too.
        StageMoves.lifecycleAfter(event).ifPresent(stage -> draft.changeStage(stage, at));
        StageMoves.kamAfter(event).ifPresent(kam -> draft.changeKamStage(kam, at));
        event.accept(draft);
        draft.lastAppliedSequence = enveloped.sequence();
        draft.updatedAt = enveloped.occurredAt();
        return draft.build();
    }

    private AccountStatus registered(AccountRegistered e, EnvelopedAccountEvent enveloped) {
        Instant at = enveloped.businessTime(); // when the relationship began, where the registration said so
        Classification classification = e.classification();
        // The envelope's subject is the account (the record key, the document id): never trust the payload over it.
        return new AccountStatus(enveloped.accountId(), e.name(),
                new Firmographics(e.industry(), e.employeeCount(), e.annualRevenue(), e.region(),
                        revenueCurrency(e.annualRevenue(), e.annualRevenueCurrency(), reportingCurrency)),
                LifecycleStage.PROSPECT, at, null, List.of(new StagePeriod(LifecycleStage.PROSPECT, at, null)),
                null, null, classification, ExchangeType.TRANSACTIONAL, 0, Map.of(), List.of(),
                enveloped.sequence(), enveloped.occurredAt(), false, null);
    }

    /**
     * A mutable copy of a status for one step of the fold; never escapes it. The stage moves are
     * {@link StageMoves}'; what else each event changes in the status is its method here.
     */
    private static final class Draft implements AccountEventVisitor<Draft> {
        private final AccountStatus from;
        private final Instant at;
        private final String eventId;
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
        private boolean complianceHold;
        private AccountOwner owner;
        private ProfitabilityStance profitability;

        Draft(AccountStatus s, Instant at, String eventId) {
            from = s;
            this.at = at;
            this.eventId = eventId;
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
            complianceHold = s.complianceHold();
            owner = s.owner();
            profitability = s.profitability();
        }

        /** Closes the current stage period at {@code at} and opens one for {@code to}. */
        void changeStage(LifecycleStage to, Instant at) {
            lapsedFrom = null; // a lapse names it again (visit(AccountLapsed))
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

        @Override
        public Draft visit(AccountRegistered event) {
            throw new IllegalStateException("a registration starts a status; it is not folded into one");
        }

        @Override
        public Draft visit(PurchaseRecorded event) {
            purchaseCount++;
            purchaseTotals.merge(event.currency(), event.amount(), BigDecimal::add);
            return this;
        }

        @Override
        public Draft visit(ReferralRecorded event) {
            return this; // evidence for the write side's rules: nothing in the status changes
        }

        @Override
        public Draft visit(ComplaintOpened event) {
            openComplaints.removeIf(c -> c.complaintId().equals(event.complaintId()));
            openComplaints.add(new OpenComplaint(event.complaintId(), event.summary(), event.dueBy(), at));
            return this;
        }

        @Override
        public Draft visit(ComplaintResolved event) {
            openComplaints.removeIf(c -> c.complaintId().equals(event.complaintId()));
            return this;
        }

        @Override
        public Draft visit(CoDevelopmentEngagementRecorded event) {
            return this; // evidence for the write side's rules: nothing in the status changes
        }

        @Override
        public Draft visit(PartnershipAgreementRecorded event) {
            return this; // evidence for the write side's rules: nothing in the status changes
        }

        @Override
        public Draft visit(ComplianceReviewRecorded event) {
            complianceHold = event.outcome() == ComplianceOutcome.REJECTED; // the write side's KAM hold, shown
            return this;
        }

        @Override
        public Draft visit(LifecycleStageAdvanced event) {
            return this; // the move is all
        }

        @Override
        public Draft visit(LifecycleStageDowngraded event) {
            return this; // the move is all
        }

        @Override
        public Draft visit(AccountLapsed event) {
            lapsedFrom = StageMoves.lapsedFrom(event, from.stage());
            return this;
        }

        @Override
        public Draft visit(AccountWonBack event) {
            return this; // the move is all
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
            return this; // the move is all
        }

        @Override
        public Draft visit(KamStageAdvanced event) {
            return this; // the move is all
        }

        @Override
        public Draft visit(KeyAccountUncoupled event) {
            return this; // the move is all
        }

        @Override
        public Draft visit(BondEstablished event) {
            return this; // the standing (bonding level) is reckoned after the fold
        }

        @Override
        public Draft visit(BondDissolved event) {
            return this; // the standing (bonding level) is reckoned after the fold
        }

        @Override
        public Draft visit(InteractionRecorded event) {
            return this; // the standing (last interaction, churn) is reckoned after the fold
        }

        @Override
        public Draft visit(SatisfactionSurveyed event) {
            return this; // the standing (churn) is reckoned after the fold
        }

        @Override
        public Draft visit(ContactAdded event) {
            return this; // the committee is its own read model
        }

        @Override
        public Draft visit(ContactRoleAssessed event) {
            return this; // the committee is its own read model
        }

        @Override
        public Draft visit(ContactLeft event) {
            return this; // the committee is its own read model; the bonds it ends come as BondDissolved
        }

        @Override
        public Draft visit(ContactErased event) {
            return this; // the status holds no contact's personal data; the committee read model erases them
        }

        @Override
        public Draft visit(AccountOwnerAssigned event) {
            owner = new AccountOwner(event.owner(), event.kind(), at); // since when it happened, as stages are
            return this;
        }

        @Override
        public Draft visit(ValueComponentAssessed event) {
            return this; // the value read model's (issue 30)
        }

        @Override
        public Draft visit(WalletEstimated event) {
            return this; // the value read model's (issue 30)
        }

        @Override
        public Draft visit(RelationshipLevelAssessed event) {
            return this; // the value read model's (issue 30)
        }

        @Override
        public Draft visit(ServiceActivityRecorded event) {
            return this; // a cost, the profitability read model's (issue 29)
        }

        @Override
        public Draft visit(ProfitabilityDecided event) {
            // Shown on the status, a FIRE as a decision (the stage stays); the figures are the profitability read model's.
            profitability = new ProfitabilityStance(event.decision(), event.levers(), at, eventId);
            return this;
        }

        AccountStatus build() {
            return new AccountStatus(from.accountId(), from.name(), from.firmographics(), stage, stageSince,
                    lapsedFrom, stagePeriods, kamStage, kamStageSince, classification, from.exchangeType(),
                    purchaseCount, purchaseTotals, openComplaints, lastAppliedSequence, updatedAt, false, null,
                    from.bondingLevel(), from.bondStrength(), from.churnScore(), from.churnBand(),
                    from.lastInteraction(), from.standingAt(), complianceHold, owner, profitability);
        }
    }
}
