package com.relationship.projection.value;

import com.relationship.contracts.account.Classification;
import com.relationship.contracts.account.LifecycleStage;
import com.relationship.contracts.account.ValueComponent;
import com.relationship.projection.bonding.Bond;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What an account's lifetime value is reckoned from (issue 30), as its events say it; the revenue comes from
 * the profitability ledger, priced, and the contacts reached from the buying committee.
 *
 * @param owner          the subject of the person who owns the account; null while nobody does
 * @param clientSince    when it first became a customer (CUSTOMER or a stage above); null while it never was
 * @param bonds          the bonds established and not dissolved ({@code Bonds}), whether in force or not
 * @param channelTouches PORTAL and EMAIL interactions (the seed's tele-web and e-mail), the latest
 *                       {@value ValueFold#KEPT} of each
 * @param referrals      the referrals it gave, the latest {@value ValueFold#KEPT}
 * @param judgements     the latest judgement of each component
 * @param wallet         every wallet estimate, in the order recorded
 * @param level          the latest relationship level; null before the first
 */
public record ValueView(UUID accountId, String name, String owner, LifecycleStage stage, Classification classification,
                        Instant clientSince, List<Bond> bonds, List<Touch> channelTouches, List<Touch> referrals,
                        Map<ValueComponent, Judgement> judgements, List<WalletEstimate> wallet, Level level,
                        long lastAppliedSequence) {

    public ValueView {
        bonds = List.copyOf(bonds);
        channelTouches = List.copyOf(channelTouches);
        referrals = List.copyOf(referrals);
        judgements = judgements.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new EnumMap<>(judgements));
        wallet = List.copyOf(wallet);
    }

    /** An interaction on a channel, or a referral: when, what (the channel, or REFERRAL), and its event. */
    public record Touch(Instant at, String kind, String eventId) {
    }

    /** A judgement of one component: a score 0-100 or an amount in a currency, why, when, and its event. */
    public record Judgement(Integer score, BigDecimal amount, String currency, String rationale, Instant at,
                            String eventId) {
    }

    /** What the account spends in a category in a period, with everyone, as estimated. */
    public record WalletEstimate(UUID estimateId, String category, BigDecimal amount, String currency, String period,
                                 String source, Instant at, String eventId) {
    }

    /** The relationship's level as the customer sees it (seed 003), 1 to 6. */
    public record Level(int level, String rationale, Instant at, String eventId) {
    }
}
