package com.relationship.projection.timeline;

import com.relationship.contracts.events.*;

import com.relationship.account.StageMoves;
import com.relationship.projection.readmodel.ReadModel;
import com.relationship.projection.timeline.TimelineView.Entry;
import com.relationship.projection.timeline.TimelineView.Move;
import com.relationship.projection.timeline.TimelineView.Period;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The account timeline for the dashboard (role {@code reader}; relationship-service's
 * {@code /timeline} is the auditors' and reads the event store): the lifecycle and KAM periods with
 * the move that opened and closed each, and every event as an entry, the newest {@code entryCap}
 * kept and the dropped ones counted. Only events change it; time passing does not.
 */
public final class TimelineReadModel implements ReadModel<TimelineView> {

    private final int entryCap;

    public TimelineReadModel(int entryCap) {
        if (entryCap < 1) {
            throw new IllegalArgumentException("entryCap must be at least 1");
        }
        this.entryCap = entryCap;
    }

    @Override
    public String name() {
        return "timeline";
    }

    @Override
    public String collection() {
        return "account_timeline";
    }

    @Override
    public TimelineView apply(TimelineView view, EnvelopedAccountEvent event) {
        Move move = new Move(event.sequence(), event.eventId(), event.type(), event.actor(), reasonOf(event));
        Instant at = event.businessTime(); // periods and entries go by when it happened, not when it was recorded
        List<Period> lifecycle = view == null ? List.of() : view.lifecycle();
        List<Period> kam = view == null ? List.of() : view.kam();
        List<Entry> entries = new ArrayList<>(view == null ? List.of() : view.entries());
        Summaries.Sentence sentence = Summaries.of(event.event());
        entries.add(new Entry(event.sequence(), event.eventId(), event.type(), at, event.actor(), move.reason(),
                event.correlationId(), sentence.full(), sentence.plain()));
        int dropped = Math.max(0, entries.size() - entryCap);
        return new TimelineView(event.accountId(),
                moved(lifecycle, StageMoves.lifecycleAfter(event.event()).map(Enum::name), move, at),
                moved(kam, StageMoves.kamAfter(event.event()).map(Enum::name), move, at),
                entries.subList(dropped, entries.size()), (view == null ? 0 : view.droppedEntries()) + dropped,
                event.sequence());
    }

    /**
     * The periods after a move into {@code stage}: the open one closed, a new one opened. A move into
     * the stage the account is in already opens nothing, as in the status's stage periods.
     */
    private static List<Period> moved(List<Period> periods, Optional<String> stage, Move move, Instant at) {
        if (stage.isEmpty()) {
            return periods;
        }
        List<Period> next = new ArrayList<>(periods);
        int last = next.size() - 1;
        if (last >= 0 && next.get(last).isOpen()) {
            if (next.get(last).stage().equals(stage.get())) {
                return periods;
            }
            next.set(last, next.get(last).leftBy(move, at));
        }
        next.add(new Period(stage.get(), at, null, move, null));
        return next;
    }

    /**
     * The envelope's reason; for a message published before the reason travelled in the envelope,
     * the reason the event itself carries (the same words: both are the command's reason).
     */
    private static String reasonOf(EnvelopedAccountEvent enveloped) {
        if (enveloped.reason() != null) {
            return enveloped.reason();
        }
        return enveloped.event().accept(REASONS);
    }

    /** The reason an event itself carries, for the moves and changes that have one; null for the rest. */
    private static final AccountEventVisitor<String> REASONS = new Reasons();

    private static final class Reasons implements AccountEventVisitor<String> {

        @Override
        public String visit(AccountRegistered event) {
            return null;
        }

        @Override
        public String visit(PurchaseRecorded event) {
            return null;
        }

        @Override
        public String visit(ReferralRecorded event) {
            return null;
        }

        @Override
        public String visit(ComplaintOpened event) {
            return null;
        }

        @Override
        public String visit(ComplaintResolved event) {
            return null;
        }

        @Override
        public String visit(CoDevelopmentEngagementRecorded event) {
            return null;
        }

        @Override
        public String visit(PartnershipAgreementRecorded event) {
            return null;
        }

        @Override
        public String visit(ComplianceReviewRecorded event) {
            return null;
        }

        @Override
        public String visit(LifecycleStageAdvanced event) {
            return null;
        }

        @Override
        public String visit(LifecycleStageDowngraded event) {
            return event.reason();
        }

        @Override
        public String visit(AccountLapsed event) {
            return event.reason();
        }

        @Override
        public String visit(AccountWonBack event) {
            return event.reason();
        }

        @Override
        public String visit(ProspectDisqualified event) {
            return event.reason();
        }

        @Override
        public String visit(ProspectRequalified event) {
            return event.reason();
        }

        @Override
        public String visit(AccountClassified event) {
            return event.rationale();
        }

        @Override
        public String visit(KeyAccountDesignated event) {
            return event.rationale();
        }

        @Override
        public String visit(KamStageAdvanced event) {
            return null;
        }

        @Override
        public String visit(KeyAccountUncoupled event) {
            return event.reason();
        }

        @Override
        public String visit(BondEstablished event) {
            return null;
        }

        @Override
        public String visit(BondDissolved event) {
            return event.reason();
        }

        @Override
        public String visit(InteractionRecorded event) {
            return null;
        }

        @Override
        public String visit(SatisfactionSurveyed event) {
            return null;
        }

        @Override
        public String visit(ContactAdded event) {
            return null;
        }

        @Override
        public String visit(ContactRoleAssessed event) {
            return event.reason();
        }

        @Override
        public String visit(ContactLeft event) {
            return event.reason();
        }

        @Override
        public String visit(ContactErased event) {
            return event.reason();
        }

        @Override
        public String visit(AccountOwnerAssigned event) {
            return event.reason();
        }

        @Override
        public String visit(ValueComponentAssessed event) {
            return event.rationale();
        }

        @Override
        public String visit(WalletEstimated event) {
            return null; // its source says where it comes from; it has no reason
        }

        @Override
        public String visit(RelationshipLevelAssessed event) {
            return event.rationale();
        }

        @Override
        public String visit(ServiceActivityRecorded event) {
            return null; // its description says what it was; it has no reason
        }

        @Override
        public String visit(ProfitabilityDecided event) {
            return event.rationale();
        }
    }

    @Override
    public long lastAppliedSequence(TimelineView view) {
        return view.lastAppliedSequence();
    }

    @Override
    public void write(TimelineView view, Document into) {
        TimelineDocuments.write(view, into);
    }

    @Override
    public TimelineView read(Document from) {
        return TimelineDocuments.read(from);
    }
}
