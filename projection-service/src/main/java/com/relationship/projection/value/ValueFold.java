package com.relationship.projection.value;

import com.relationship.account.StageMoves;
import com.relationship.contracts.account.InteractionChannel;
import com.relationship.contracts.account.LifecycleStage;
import com.relationship.contracts.account.ValueComponent;
import com.relationship.contracts.events.AccountEventVisitor;
import com.relationship.contracts.events.AccountClassified;
import com.relationship.contracts.events.AccountLapsed;
import com.relationship.contracts.events.AccountOwnerAssigned;
import com.relationship.contracts.events.AccountRegistered;
import com.relationship.contracts.events.AccountWonBack;
import com.relationship.contracts.events.BondDissolved;
import com.relationship.contracts.events.BondEstablished;
import com.relationship.contracts.events.CoDevelopmentEngagementRecorded;
import com.relationship.contracts.events.ComplaintOpened;
import com.relationship.contracts.events.ComplaintResolved;
import com.relationship.contracts.events.ComplianceReviewRecorded;
import com.relationship.contracts.events.ContactAdded;
import com.relationship.contracts.events.ContactErased;
import com.relationship.contracts.events.ContactLeft;
import com.relationship.contracts.events.ContactRoleAssessed;
import com.relationship.contracts.events.InteractionRecorded;
import com.relationship.contracts.events.KamStageAdvanced;
import com.relationship.contracts.events.KeyAccountDesignated;
import com.relationship.contracts.events.KeyAccountUncoupled;
import com.relationship.contracts.events.LifecycleStageAdvanced;
import com.relationship.contracts.events.LifecycleStageDowngraded;
import com.relationship.contracts.events.PartnershipAgreementRecorded;
import com.relationship.contracts.events.ProfitabilityDecided;
import com.relationship.contracts.events.ProspectDisqualified;
import com.relationship.contracts.events.ProspectRequalified;
import com.relationship.contracts.events.PurchaseRecorded;
import com.relationship.contracts.events.ReferralRecorded;
import com.relationship.contracts.events.RelationshipLevelAssessed;
import com.relationship.contracts.events.SatisfactionSurveyed;
import com.relationship.contracts.events.ServiceActivityRecorded;
import com.relationship.contracts.events.ValueComponentAssessed;
import com.relationship.contracts.events.WalletEstimated;
import com.relationship.contracts.events.EnvelopedAccountEvent;
import com.relationship.projection.bonding.Bond;
import com.relationship.projection.bonding.Bonds;
import com.relationship.projection.readmodel.InconsistentEventStreamException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What one event changes in the inputs of an account's lifetime value (issue 30): its stage (the one answer
 * of {@link StageMoves}) and since when it is a client, its classification and owner, its bonds (the one fold
 * of {@link Bonds}), its PORTAL and EMAIL interactions, its referrals, and the judgements, wallet estimates and
 * relationship level recorded. Every other event changes nothing.
 */
final class ValueFold implements AccountEventVisitor<ValueView> {

    /** How many of each kind of touch are kept: more than a year's worth of what the scores count. */
    static final int KEPT = 100;

    private final ValueView in;
    private final String id;
    private final Instant businessTime;

    private ValueFold(ValueView in, EnvelopedAccountEvent event) {
        this.in = in;
        this.id = event.eventId();
        this.businessTime = event.businessTime();
    }

    /** The inputs after {@code event}; {@code view} is null before the account's first event, its registration. */
    static ValueView apply(ValueView view, EnvelopedAccountEvent event) {
        if (view == null && !(event.event() instanceof AccountRegistered)) {
            throw new InconsistentEventStreamException("account " + event.accountId() + ": event " + event.eventId()
                    + " (" + event.type() + ") before its AccountRegistered");
        }
        if (event.event() instanceof AccountRegistered registered) {
            return new ValueView(event.accountId(), registered.name(), null, LifecycleStage.PROSPECT,
                    registered.classification(), null, List.of(), List.of(), List.of(), Map.of(), List.of(), null,
                    event.sequence());
        }
        ValueView after = event.event().accept(new ValueFold(view, event));
        List<Bond> bonds = Bonds.apply(after.bonds(), event);
        LifecycleStage stage = StageMoves.lifecycleAfter(event.event()).orElse(after.stage());
        java.time.Instant clientSince = after.clientSince() == null && stage.canChurn() ? event.businessTime()
                : after.clientSince();
        return new ValueView(after.accountId(), after.name(), after.owner(), stage, after.classification(), clientSince,
                bonds, after.channelTouches(), after.referrals(), after.judgements(), after.wallet(), after.level(),
                event.sequence());
    }

    /** The view with {@code change} made to a copy of its inputs. */
    private ValueView with(Consumer<Draft> change) {
        Draft draft = new Draft(in);
        change.accept(draft);
        return draft.view();
    }

    /** {@code touches} with {@code touch}, keeping the latest {@value #KEPT} of its kind. */
    private static List<ValueView.Touch> latest(List<ValueView.Touch> touches, ValueView.Touch touch, String kind) {
        List<ValueView.Touch> next = new ArrayList<>(touches);
        next.add(touch);
        long ofKind = next.stream().filter(t -> t.kind().equals(kind)).count();
        if (ofKind > KEPT) {
            ValueView.Touch oldest = next.stream().filter(t -> t.kind().equals(kind))
                    .min(java.util.Comparator.comparing(ValueView.Touch::at)).orElseThrow();
            next.remove(oldest);
        }
        return next;
    }

    /** The inputs being changed by one event. */
    private static final class Draft {
        private final ValueView from;
        String owner;
        com.relationship.contracts.account.Classification classification;
        List<ValueView.Touch> channelTouches;
        List<ValueView.Touch> referrals;
        final Map<ValueComponent, ValueView.Judgement> judgements;
        final List<ValueView.WalletEstimate> wallet;
        ValueView.Level level;

        Draft(ValueView from) {
            this.from = from;
            this.owner = from.owner();
            this.classification = from.classification();
            this.channelTouches = from.channelTouches();
            this.referrals = from.referrals();
            this.judgements = new EnumMap<>(ValueComponent.class);
            this.judgements.putAll(from.judgements());
            this.wallet = new ArrayList<>(from.wallet());
            this.level = from.level();
        }

        ValueView view() {
            return new ValueView(from.accountId(), from.name(), owner, from.stage(), classification, from.clientSince(),
                    from.bonds(), channelTouches, referrals, judgements, wallet, level, from.lastAppliedSequence());
        }
    }

    @Override
    public ValueView visit(AccountRegistered event) {
        return in;
    }

    @Override
    public ValueView visit(PurchaseRecorded event) {
        return in;
    }

    @Override
    public ValueView visit(ReferralRecorded event) {
        return with(v -> v.referrals = latest(v.referrals, new ValueView.Touch(businessTime, "REFERRAL", id), "REFERRAL"));
    }

    @Override
    public ValueView visit(ComplaintOpened event) {
        return in;
    }

    @Override
    public ValueView visit(ComplaintResolved event) {
        return in;
    }

    @Override
    public ValueView visit(CoDevelopmentEngagementRecorded event) {
        return in;
    }

    @Override
    public ValueView visit(PartnershipAgreementRecorded event) {
        return in;
    }

    @Override
    public ValueView visit(ComplianceReviewRecorded event) {
        return in;
    }

    @Override
    public ValueView visit(LifecycleStageAdvanced event) {
        return in;
    }

    @Override
    public ValueView visit(LifecycleStageDowngraded event) {
        return in;
    }

    @Override
    public ValueView visit(AccountLapsed event) {
        return in;
    }

    @Override
    public ValueView visit(AccountWonBack event) {
        return in;
    }

    @Override
    public ValueView visit(ProspectDisqualified event) {
        return in;
    }

    @Override
    public ValueView visit(ProspectRequalified event) {
        return in;
    }

    @Override
    public ValueView visit(AccountClassified event) {
        return with(v -> v.classification = event.classification());
    }

    @Override
    public ValueView visit(KeyAccountDesignated event) {
        return in;
    }

    @Override
    public ValueView visit(KamStageAdvanced event) {
        return in;
    }

    @Override
    public ValueView visit(KeyAccountUncoupled event) {
        return in;
    }

    @Override
    public ValueView visit(BondEstablished event) {
        return in;
    }

    @Override
    public ValueView visit(BondDissolved event) {
        return in;
    }

    @Override
    public ValueView visit(InteractionRecorded event) {
        if (event.channel() != InteractionChannel.PORTAL && event.channel() != InteractionChannel.EMAIL) {
            return in;
        }
        Instant at = event.occurredAt() != null ? event.occurredAt() : businessTime;
        return with(v -> v.channelTouches = latest(v.channelTouches, new ValueView.Touch(at, event.channel().name(), id),
                event.channel().name()));
    }

    @Override
    public ValueView visit(SatisfactionSurveyed event) {
        return in;
    }

    @Override
    public ValueView visit(ContactAdded event) {
        return in;
    }

    @Override
    public ValueView visit(ContactRoleAssessed event) {
        return in;
    }

    @Override
    public ValueView visit(ContactLeft event) {
        return in;
    }

    @Override
    public ValueView visit(ContactErased event) {
        return in;
    }

    @Override
    public ValueView visit(AccountOwnerAssigned event) {
        return with(v -> v.owner = event.owner());
    }

    @Override
    public ValueView visit(ValueComponentAssessed event) {
        return with(v -> v.judgements.put(event.component(), new ValueView.Judgement(event.score(), event.amount(),
                event.currency(), event.rationale(), businessTime, id)));
    }

    @Override
    public ValueView visit(WalletEstimated event) {
        return with(v -> v.wallet.add(new ValueView.WalletEstimate(event.estimateId(), event.category(), event.amount(),
                event.currency(), event.period(), event.source(), businessTime, id)));
    }

    @Override
    public ValueView visit(RelationshipLevelAssessed event) {
        return with(v -> v.level = new ValueView.Level(event.level(), event.rationale(), businessTime, id));
    }

    @Override
    public ValueView visit(ServiceActivityRecorded event) {
        return in;
    }

    @Override
    public ValueView visit(ProfitabilityDecided event) {
        return in;
    }
}
