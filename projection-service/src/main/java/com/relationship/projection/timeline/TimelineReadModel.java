package com.relationship.projection.timeline;

import com.relationship.contracts.events.AccountClassified;
import com.relationship.contracts.events.AccountEvent;
import com.relationship.contracts.events.AccountLapsed;
import com.relationship.contracts.events.AccountWonBack;
import com.relationship.contracts.events.BondDissolved;
import com.relationship.contracts.events.EnvelopedAccountEvent;
import com.relationship.contracts.events.KeyAccountDesignated;
import com.relationship.contracts.events.KeyAccountUncoupled;
import com.relationship.contracts.events.LifecycleStageDowngraded;
import com.relationship.contracts.events.ProspectDisqualified;
import com.relationship.contracts.events.ProspectRequalified;
import com.relationship.projection.readmodel.StageMoves;
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
        Instant at = event.occurredAt();
        List<Period> lifecycle = view == null ? List.of() : view.lifecycle();
        List<Period> kam = view == null ? List.of() : view.kam();
        List<Entry> entries = new ArrayList<>(view == null ? List.of() : view.entries());
        entries.add(new Entry(event.sequence(), event.eventId(), event.type(), at, event.actor(), move.reason(),
                event.correlationId(), Summaries.of(event.event())));
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
        AccountEvent e = enveloped.event();
        if (e instanceof AccountLapsed lapsed) {
            return lapsed.reason();
        } else if (e instanceof AccountWonBack wonBack) {
            return wonBack.reason();
        } else if (e instanceof LifecycleStageDowngraded downgraded) {
            return downgraded.reason();
        } else if (e instanceof ProspectDisqualified disqualified) {
            return disqualified.reason();
        } else if (e instanceof ProspectRequalified requalified) {
            return requalified.reason();
        } else if (e instanceof KeyAccountDesignated designated) {
            return designated.rationale();
        } else if (e instanceof KeyAccountUncoupled uncoupled) {
            return uncoupled.reason();
        } else if (e instanceof AccountClassified classified) {
            return classified.rationale();
        } else if (e instanceof BondDissolved dissolved) {
            return dissolved.reason();
        }
        return null;
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
