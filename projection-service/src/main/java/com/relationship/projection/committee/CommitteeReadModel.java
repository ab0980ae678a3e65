package com.relationship.projection.committee;

import com.relationship.contracts.events.EnvelopedAccountEvent;
import com.relationship.projection.churn.ChurnModel;
import com.relationship.projection.readmodel.ReadModel;
import org.bson.Document;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The buying committee of each account (issue 28, "The committee read model"): its contacts with their
 * role, influence, status and last two-way interaction, and the figures an account manager acts on:
 * coverage of the influential contacts within the account's contact cadence, whether one contact
 * carries the relationship, and a CHAMPION or DECISION_MAKER who left with nobody since. The cadence
 * is the churn model's ({@link ChurnModel#cadenceFor(com.relationship.contracts.account.LifecycleStage,
 * com.relationship.contracts.account.LifecycleStage, boolean)}), so the committee and churn's
 * indifference always hold the account to the same rhythm. Conversations fall out of the window with
 * time alone: {@link #advance} reckons the figures again and {@link #nextChangeAt} says when.
 */
public final class CommitteeReadModel implements ReadModel<CommitteeView> {

    private final ChurnModel cadences;
    /** Interactions older than this before now fall in no window, whatever stage the account moves to. */
    private final Duration longestCadence;

    /** Contacts' personal data is kept sealed, as the events carry it: {@code CommitteeController} opens it. */
    public CommitteeReadModel(ChurnModel cadences) {
        this.cadences = cadences;
        this.longestCadence = Stream.concat(cadences.contactCadence().values().stream(),
                Stream.of(cadences.keyAccountCadence())).max(Duration::compareTo).orElseThrow();
    }

    @Override
    public String name() {
        return "committee";
    }

    @Override
    public String collection() {
        return "account_committee";
    }

    @Override
    public CommitteeView apply(CommitteeView view, EnvelopedAccountEvent event) {
        CommitteeFold fold = CommitteeFold.apply(view, event);
        return reckoned(event.accountId(), fold.basis, fold.contacts, fold.twoWay, event.occurredAt(), event.sequence());
    }

    @Override
    public long lastAppliedSequence(CommitteeView view) {
        return view.lastAppliedSequence();
    }

    @Override
    public Instant nextChangeAt(CommitteeView view) {
        return CommitteeFigures.nextChange(view.contacts(), view.recentTwoWay(), cadence(view.basis()), view.figures().at());
    }

    /**
     * The view with its figures reckoned at {@code now}; the view itself when none moved and nothing was
     * due (a due instant with nothing moved still moves {@code at}, or the account would stay due).
     */
    @Override
    public CommitteeView advance(CommitteeView view, Instant now) {
        if (!now.isAfter(view.figures().at())) {
            return view;
        }
        CommitteeView moved = reckoned(view.accountId(), view.basis(), view.contacts(), view.recentTwoWay(), now,
                view.lastAppliedSequence());
        Instant due = nextChangeAt(view);
        boolean wasDue = due != null && !due.isAfter(now);
        return !wasDue && sameFigures(moved.figures(), view.figures()) ? view : moved;
    }

    /** The committee and its figures; not when they were reckoned, nor the interactions kept only to reckon them. */
    @Override
    public Object comparable(CommitteeView view) {
        CommitteeFigures f = view.figures();
        return List.of(view.accountId(), view.basis(), view.contacts(), f.cadence().every(), f.coverage(),
                f.singleThreaded(), f.gaps(), f.champions(), f.decisionMakers(), view.lastAppliedSequence());
    }

    /** The cadences and the thresholds: a change of either changes what {@link #advance} answers. */
    @Override
    public String fingerprint() {
        StringBuilder out = new StringBuilder("committee:");
        cadences.contactCadence().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.append(e.getKey()).append('=').append(e.getValue()).append(';'));
        return out.append(cadences.keyAccountCadence()).append(';').append(CommitteeFigures.KEY_INFLUENCE).append(';')
                .append(CommitteeFigures.SINGLE_THREAD_MIN_INTERACTIONS).toString();
    }

    @Override
    public void write(CommitteeView view, Document into) {
        CommitteeDocuments.write(view, into);
    }

    @Override
    public CommitteeView read(Document from) {
        CommitteeDocuments.Stored stored = CommitteeDocuments.read(from);
        return reckoned(stored.accountId(), stored.basis(), stored.contacts(), stored.recentTwoWay(), stored.figuresAt(),
                stored.lastAppliedSequence());
    }

    private CommitteeView reckoned(java.util.UUID accountId, CadenceBasis basis, List<Contact> contacts,
                                   List<TwoWay> twoWay, Instant now, long sequence) {
        Instant keptFrom = now.minus(longestCadence);
        List<TwoWay> kept = twoWay.stream().filter(t -> !t.at().isBefore(keptFrom)).toList();
        return new CommitteeView(accountId, basis, contacts, kept,
                CommitteeFigures.of(basis, contacts, kept, cadence(basis), now), sequence);
    }

    private Duration cadence(CadenceBasis basis) {
        return cadences.cadenceFor(basis.stage(), basis.lapsedFrom(), basis.keyAccount());
    }

    private static boolean sameFigures(CommitteeFigures a, CommitteeFigures b) {
        return a.coverage().equals(b.coverage()) && a.singleThreaded().equals(b.singleThreaded())
                && a.gaps().equals(b.gaps()) && a.cadence().every().equals(b.cadence().every());
    }
}
