package com.relationship.contracts.status;

import com.relationship.contracts.account.BondKind;
import com.relationship.contracts.account.Classification;
import com.relationship.contracts.account.KamStage;
import com.relationship.contracts.account.LifecycleStage;
import com.relationship.contracts.churn.ChurnBand;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The account status read model (docs/domain.md, "Account status and exchange type") as
 * published on {@link com.relationship.contracts.Topics#ACCOUNT_STATUS} (key = account id, value = this record as
 * JSON in the {@link com.relationship.contracts.ContractJson} form) and served by the projection
 * service's REST API. Every time is the time of the event that caused it, so rebuilding the read
 * model from the event history gives the same value.
 *
 * @param stage               the current lifecycle stage
 * @param stageSince          when the account entered it
 * @param lapsedFrom          the stage a LAPSED account held before it lapsed; null otherwise
 * @param stagePeriods        every stage the account has been in, oldest first; the last is current
 * @param kamStage            the Key Account Management stage; null if never designated a key account
 * @param kamStageSince       when it entered that KAM stage; null with kamStage
 * @param classification      STRATEGIC or TACTICAL (docs/domain.md, "Classification"); null if not classified
 * @param exchangeType        how the account trades with us, from its stage and the bonds in force
 *                            (docs/domain.md, "Account status and exchange type")
 * @param purchaseCount       how many purchases were recorded
 * @param purchaseTotals      the exact sum of the purchases per ISO currency code, sorted by code
 * @param openComplaints      the complaints not yet resolved, oldest first
 * @param lastAppliedSequence the sequence number of the last event folded in (0 = registered only)
 * @param updatedAt           when the last event folded in happened
 * @param stale               true while an event of this account could not be folded (it is on the
 *                            projection's dead-letter topic): the status may be behind the account's
 *                            history until an operator re-drives it. Not part of the fold
 * @param staleReason         why, while {@code stale}; null otherwise
 * @param bondingLevel        the deepest kind of bond in force; null when no bond holds the account
 * @param bondStrength        how strongly the bonds in force bind, 0-100 (as at
 *                            {@code GET /accounts/{id}/bonding})
 * @param churnScore          the churn-risk score 0-100 (as at {@code GET /accounts/{id}/churn-risk},
 *                            where each factor's points and reasons are)
 * @param churnBand           the churn-risk band of that score
 * @param lastInteraction     the latest interaction of any direction; null when none was recorded
 * @param standingAt          the instant bonding level, churn risk and exchange type were reckoned at:
 *                            the last event's time, or later when time alone moved them (a bond ran
 *                            out, silence grew). Not in the first revision of this form: null there
 * @param complianceHold      the latest compliance review REJECTED the relationship: KAM advances wait for
 *                            an APPROVED one (docs/domain.md). Added later: false where it is absent
 * @param owner               who of the seller's people owns the account; null until one is assigned.
 *                            Added later: null where it is absent
 * @param profitability       the account team's latest profitability decision (KEEP, CONVERT, FIRE) and, in
 *                            the REST answers, its trailing twelve months' revenue and profit and whether it was
 *                            below zero ({@link ProfitabilityStance}); null before the first decision on the
 *                            topic. Added later: null where it is absent
 * @param value               in the REST answers, the account's lifetime value, rank, value tier and relationship
 *                            level ({@link ValueStanding}); null on the topic. Added later: null where it is absent
 */
public record AccountStatus(UUID accountId, String name, Firmographics firmographics, LifecycleStage stage,
                            Instant stageSince, LifecycleStage lapsedFrom, List<StagePeriod> stagePeriods,
                            KamStage kamStage, Instant kamStageSince, Classification classification,
                            ExchangeType exchangeType, int purchaseCount, Map<String, BigDecimal> purchaseTotals,
                            List<OpenComplaint> openComplaints, long lastAppliedSequence, Instant updatedAt,
                            boolean stale, String staleReason, BondKind bondingLevel, int bondStrength,
                            int churnScore, ChurnBand churnBand, LastInteraction lastInteraction,
                            Instant standingAt, boolean complianceHold, AccountOwner owner,
                            ProfitabilityStance profitability, ValueStanding value) {

    /** The public name and major revision of this JSON form; a breaking change bumps it and the topic. */
    public static final String SCHEMA = "com.relationship.status.AccountStatus.v1";

    public AccountStatus {
        stagePeriods = stagePeriods == null ? List.of() : List.copyOf(stagePeriods);
        purchaseTotals = purchaseTotals == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(purchaseTotals));
        openComplaints = openComplaints == null ? List.of() : List.copyOf(openComplaints);
        staleReason = stale ? staleReason : null;
    }

    /**
     * The first form, before bonding level, churn risk and last interaction were added: kept so code
     * written against it still compiles. The added fields are empty (no bond, score 0, band LOW).
     */
    public AccountStatus(UUID accountId, String name, Firmographics firmographics, LifecycleStage stage,
                         Instant stageSince, LifecycleStage lapsedFrom, List<StagePeriod> stagePeriods,
                         KamStage kamStage, Instant kamStageSince, Classification classification,
                         ExchangeType exchangeType, int purchaseCount, Map<String, BigDecimal> purchaseTotals,
                         List<OpenComplaint> openComplaints, long lastAppliedSequence, Instant updatedAt,
                         boolean stale, String staleReason) {
        this(accountId, name, firmographics, stage, stageSince, lapsedFrom, stagePeriods, kamStage, kamStageSince,
                classification, exchangeType, purchaseCount, purchaseTotals, openComplaints, lastAppliedSequence,
                updatedAt, stale, staleReason, null, 0, 0, ChurnBand.LOW, null, null, false, null, null, null);
    }

    /** The form before the owner was added: no owner. */
    public AccountStatus(UUID accountId, String name, Firmographics firmographics, LifecycleStage stage,
                         Instant stageSince, LifecycleStage lapsedFrom, List<StagePeriod> stagePeriods,
                         KamStage kamStage, Instant kamStageSince, Classification classification,
                         ExchangeType exchangeType, int purchaseCount, Map<String, BigDecimal> purchaseTotals,
                         List<OpenComplaint> openComplaints, long lastAppliedSequence, Instant updatedAt,
                         boolean stale, String staleReason, BondKind bondingLevel, int bondStrength,
                         int churnScore, ChurnBand churnBand, LastInteraction lastInteraction,
                         Instant standingAt, boolean complianceHold) {
        this(accountId, name, firmographics, stage, stageSince, lapsedFrom, stagePeriods, kamStage, kamStageSince,
                classification, exchangeType, purchaseCount, purchaseTotals, openComplaints, lastAppliedSequence,
                updatedAt, stale, staleReason, bondingLevel, bondStrength, churnScore, churnBand, lastInteraction,
                standingAt, complianceHold, null, null, null);
    }

    /** The form before the profitability decision was added: none. */
    public AccountStatus(UUID accountId, String name, Firmographics firmographics, LifecycleStage stage,
                         Instant stageSince, LifecycleStage lapsedFrom, List<StagePeriod> stagePeriods,
                         KamStage kamStage, Instant kamStageSince, Classification classification,
                         ExchangeType exchangeType, int purchaseCount, Map<String, BigDecimal> purchaseTotals,
                         List<OpenComplaint> openComplaints, long lastAppliedSequence, Instant updatedAt,
                         boolean stale, String staleReason, BondKind bondingLevel, int bondStrength,
                         int churnScore, ChurnBand churnBand, LastInteraction lastInteraction,
                         Instant standingAt, boolean complianceHold, AccountOwner owner) {
        this(accountId, name, firmographics, stage, stageSince, lapsedFrom, stagePeriods, kamStage, kamStageSince,
                classification, exchangeType, purchaseCount, purchaseTotals, openComplaints, lastAppliedSequence,
                updatedAt, stale, staleReason, bondingLevel, bondStrength, churnScore, churnBand, lastInteraction,
                standingAt, complianceHold, owner, null, null);
    }

    /** The form before the value standing was added: none. */
    public AccountStatus(UUID accountId, String name, Firmographics firmographics, LifecycleStage stage,
                         Instant stageSince, LifecycleStage lapsedFrom, List<StagePeriod> stagePeriods,
                         KamStage kamStage, Instant kamStageSince, Classification classification,
                         ExchangeType exchangeType, int purchaseCount, Map<String, BigDecimal> purchaseTotals,
                         List<OpenComplaint> openComplaints, long lastAppliedSequence, Instant updatedAt,
                         boolean stale, String staleReason, BondKind bondingLevel, int bondStrength,
                         int churnScore, ChurnBand churnBand, LastInteraction lastInteraction,
                         Instant standingAt, boolean complianceHold, AccountOwner owner,
                         ProfitabilityStance profitability) {
        this(accountId, name, firmographics, stage, stageSince, lapsedFrom, stagePeriods, kamStage, kamStageSince,
                classification, exchangeType, purchaseCount, purchaseTotals, openComplaints, lastAppliedSequence,
                updatedAt, stale, staleReason, bondingLevel, bondStrength, churnScore, churnBand, lastInteraction,
                standingAt, complianceHold, owner, profitability, null);
    }

    /** This status marked stale for {@code reason}, or not stale if {@code reason} is null. */
    public AccountStatus withStale(String reason) {
        return new AccountStatus(accountId, name, firmographics, stage, stageSince, lapsedFrom, stagePeriods, kamStage,
                kamStageSince, classification, exchangeType, purchaseCount, purchaseTotals, openComplaints,
                lastAppliedSequence, updatedAt, reason != null, reason, bondingLevel, bondStrength, churnScore,
                churnBand, lastInteraction, standingAt, complianceHold, owner, profitability, value);
    }

    /**
     * This status as the status topic carries it: without the figures the REST answers price and rank when asked
     * (the profitability's trailing year, the value standing), which change with exchange rates, the rest of the
     * portfolio and time, not with the account's events.
     */
    public AccountStatus asPublished() {
        AccountStatus published = value == null ? this : withValue(null);
        if (profitability == null || profitability.trailingYear() == null) {
            return published;
        }
        return published.withProfitability(profitability.decision() == null ? null : profitability.withTrailingYear(null));
    }

    /** This status with {@code value} as its value standing. */
    public AccountStatus withValue(ValueStanding value) {
        return new AccountStatus(accountId, name, firmographics, stage, stageSince, lapsedFrom, stagePeriods, kamStage,
                kamStageSince, classification, exchangeType, purchaseCount, purchaseTotals, openComplaints,
                lastAppliedSequence, updatedAt, stale, staleReason, bondingLevel, bondStrength, churnScore, churnBand,
                lastInteraction, standingAt, complianceHold, owner, profitability, value);
    }

    /** This status with {@code profitability} as its profitability. */
    public AccountStatus withProfitability(ProfitabilityStance profitability) {
        return new AccountStatus(accountId, name, firmographics, stage, stageSince, lapsedFrom, stagePeriods, kamStage,
                kamStageSince, classification, exchangeType, purchaseCount, purchaseTotals, openComplaints,
                lastAppliedSequence, updatedAt, stale, staleReason, bondingLevel, bondStrength, churnScore, churnBand,
                lastInteraction, standingAt, complianceHold, owner, profitability, value);
    }

    /**
     * This status with its standing reckoned at {@code at}: how the account is bound, how likely it is
     * to leave, and so how it trades with us.
     */
    public AccountStatus withStanding(BondKind bondingLevel, int bondStrength, int churnScore, ChurnBand churnBand,
                                      LastInteraction lastInteraction, ExchangeType exchangeType, Instant at) {
        return new AccountStatus(accountId, name, firmographics, stage, stageSince, lapsedFrom, stagePeriods, kamStage,
                kamStageSince, classification, exchangeType, purchaseCount, purchaseTotals, openComplaints,
                lastAppliedSequence, updatedAt, stale, staleReason, bondingLevel, bondStrength, churnScore, churnBand,
                lastInteraction, at, complianceHold, owner, profitability, value);
    }
}
