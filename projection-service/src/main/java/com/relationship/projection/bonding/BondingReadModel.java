package com.relationship.projection.bonding;

import com.relationship.contracts.account.BondKind;
import com.relationship.contracts.events.EnvelopedAccountEvent;
import com.relationship.projection.bonding.BondingView.LevelChange;
import com.relationship.projection.readmodel.ReadModel;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The bonding level of each account (issue 8, "Bonding level"): its bonds in force by kind, the
 * deepest held, a strength 0-100 and the bonds ending within {@link BondingModel#expiringWithin()}.
 * A bond with a validUntil dissolves when its time passes, with no command: {@link #advance} drops it
 * and the pass over time finds the account through {@link #nextChangeAt}.
 * <p>
 * The history records a change of highest level or strength only, never a repeat; it keeps the newest
 * {@code historyCap} entries, the oldest are dropped.
 */
public final class BondingReadModel implements ReadModel<BondingView> {

    private final BondingModel model;
    private final int historyCap;

    public BondingReadModel(BondingModel model, int historyCap) {
        if (historyCap < 1) {
            throw new IllegalArgumentException("historyCap must be at least 1");
        }
        this.model = model;
        this.historyCap = historyCap;
    }

    @Override
    public String name() {
        return "bonding";
    }

    @Override
    public String collection() {
        return "account_bonding";
    }

    @Override
    public BondingView apply(BondingView view, EnvelopedAccountEvent event) {
        Instant at = event.occurredAt();
        List<Bond> before = view == null ? List.of() : view.bonds();
        List<Bond> bonds = Bonds.notEnded(Bonds.apply(before, event), at);
        BondingLevel level = BondingLevel.of(bonds, model, at);
        List<LevelChange> history = view == null ? List.of() : view.history();
        BondingLevel previous = view == null ? null : view.level();
        return new BondingView(event.accountId(), bonds, level, changed(history, previous, level, event.eventId()),
                event.sequence());
    }

    @Override
    public long lastAppliedSequence(BondingView view) {
        return view.lastAppliedSequence();
    }

    @Override
    public Instant nextChangeAt(BondingView view) {
        return BondingLevel.nextChange(view.bonds(), model, view.level().at());
    }

    /** The bonds and the level they make; not when the level was reckoned nor the history of changes. */
    @Override
    public Object comparable(BondingView view) {
        BondingLevel l = view.level();
        return List.of(view.accountId(), view.bonds(), l.activeBonds(), String.valueOf(l.highestLevel()), l.strength(),
                l.expiringSoon(), view.lastAppliedSequence());
    }

    /**
     * The view at {@code now}: bonds past their validUntil dropped, one history entry per instant at
     * which the level changed on the way (a bond running out, one starting, one entering "expiring
     * soon" changes the level's contents but records an entry only when level or strength moved).
     */
    @Override
    public BondingView advance(BondingView view, Instant now) {
        if (!now.isAfter(view.level().at())) {
            return view;
        }
        List<Bond> bonds = view.bonds();
        BondingLevel level = view.level();
        List<LevelChange> history = view.history();
        Instant next = BondingLevel.nextChange(bonds, model, level.at());
        // Step through each instant at which time changes the level, so the history says which bond
        // ran out when, not only where the level ended up.
        while (next != null && !next.isAfter(now)) {
            Instant step = next;
            List<Bond> ended = bonds.stream().filter(b -> b.validUntil() != null && !step.isBefore(b.validUntil()))
                    .sorted(Comparator.comparing(Bond::validUntil)).toList();
            bonds = Bonds.notEnded(bonds, step);
            BondingLevel after = BondingLevel.of(bonds, model, step);
            String cause = ended.isEmpty() ? "time passed" : ended.stream()
                    .map(b -> "bond " + b.bondId() + " ran out on " + b.validUntil())
                    .reduce((a, b) -> a + "; " + b).orElseThrow();
            history = changed(history, level, after, cause);
            level = after;
            next = BondingLevel.nextChange(bonds, model, step);
        }
        level = BondingLevel.of(bonds, model, now);
        if (bonds.equals(view.bonds()) && history.equals(view.history()) && sameContents(level, view.level())) {
            return view;
        }
        return new BondingView(view.accountId(), bonds, level, history, view.lastAppliedSequence());
    }

    private static boolean sameContents(BondingLevel a, BondingLevel b) {
        return a.activeBonds().equals(b.activeBonds()) && a.strength() == b.strength()
                && a.expiringSoon().equals(b.expiringSoon());
    }

    private List<LevelChange> changed(List<LevelChange> history, BondingLevel before, BondingLevel after,
                                      String cause) {
        BondKind highestBefore = before == null ? null : before.highestLevel();
        int strengthBefore = before == null ? 0 : before.strength();
        if (highestBefore == after.highestLevel() && strengthBefore == after.strength()) {
            return history;
        }
        List<LevelChange> next = new ArrayList<>(history);
        next.add(new LevelChange(after.at(), after.highestLevel(), after.strength(), cause));
        return List.copyOf(next.subList(Math.max(0, next.size() - historyCap), next.size()));
    }

    @Override
    public void write(BondingView view, Document into) {
        BondingLevel level = view.level();
        into.append("accountId", view.accountId().toString())
                .append("bonds", BondDocuments.bonds(view.bonds()))
                .append("levelAt", BondDocuments.instant(level.at()))
                // Summary fields, derived again from the bonds on read, written so queries can filter on them.
                .append("highestLevel", level.highestLevel() == null ? null : level.highestLevel().name())
                .append("strength", level.strength())
                .append("expiringSoon", level.expiringSoon().stream().map(b -> b.bondId().toString()).toList())
                .append("history", view.history().stream().map(h -> new Document("at", BondDocuments.instant(h.at()))
                        .append("highestLevel", h.highestLevel() == null ? null : h.highestLevel().name())
                        .append("strength", h.strength()).append("cause", h.cause())).toList())
                .append("lastAppliedSequence", view.lastAppliedSequence());
    }

    @Override
    public BondingView read(Document from) {
        List<Bond> bonds = BondDocuments.bonds(from, "bonds");
        BondingLevel level = BondingLevel.of(bonds, model, BondDocuments.instant(from, "levelAt"));
        List<LevelChange> history = from.getList("history", Document.class, List.of()).stream()
                .map(h -> new LevelChange(BondDocuments.instant(h, "at"),
                        h.getString("highestLevel") == null ? null : BondKind.valueOf(h.getString("highestLevel")),
                        h.getInteger("strength"), h.getString("cause"))).toList();
        return new BondingView(UUID.fromString(from.getString("accountId")), bonds, level, history,
                ((Number) from.get("lastAppliedSequence")).longValue());
    }
}
