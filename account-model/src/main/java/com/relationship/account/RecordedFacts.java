package com.relationship.account;

import com.relationship.contracts.events.AccountEvent;

import java.util.Optional;
import java.util.UUID;

/**
 * The facts an account has recorded (purchases, referrals, complaints, engagements, agreements,
 * reviews, bonds, interactions, surveys), each under the id the service minted for it and, where the
 * seller gave one, its own reference ({@link FactIdentity}): what "each fact recorded once" is checked
 * against. Persistent: each state shares the facts of the one before and adds its own in front, so
 * folding a long history stays linear; a look-up walks the list, once per command.
 */
public final class RecordedFacts {

    private static final RecordedFacts NONE = new RecordedFacts(null, null);

    /** A fact as recorded: its event, the sequence it was stored at, and how it is known. */
    public record Fact(AccountEvent event, long sequence, FactIdentity identity) {
    }

    private final Fact newest;
    private final RecordedFacts before;

    private RecordedFacts(Fact newest, RecordedFacts before) {
        this.newest = newest;
        this.before = before;
    }

    public static RecordedFacts none() {
        return NONE;
    }

    /** These facts and {@code event}, stored at {@code sequence}, if it is a fact; these alone otherwise. */
    RecordedFacts with(AccountEvent event, long sequence) {
        return FactIdentity.of(event).map(identity -> new RecordedFacts(new Fact(event, sequence, identity), this))
                .orElse(this);
    }

    /** The fact recorded under this minted id. */
    public Optional<Fact> byId(UUID id) {
        for (RecordedFacts at = this; at.newest != null; at = at.before) {
            if (at.newest.identity().id().equals(id)) {
                return Optional.of(at.newest);
            }
        }
        return Optional.empty();
    }

    /** The fact of this kind (event type) recorded under the seller's reference {@code ref}. */
    public Optional<Fact> byRef(Class<? extends AccountEvent> kind, String ref) {
        for (RecordedFacts at = this; at.newest != null; at = at.before) {
            if (at.newest.event().getClass() == kind && ref.equals(at.newest.identity().ref())) {
                return Optional.of(at.newest);
            }
        }
        return Optional.empty();
    }

    /**
     * The fact recorded before that {@code fact} repeats, if any: the same minted id (the same command
     * run again), or the same kind and reference (the seller sending the same order again).
     */
    public Optional<Fact> recordedBefore(AccountEvent fact) {
        FactIdentity identity = FactIdentity.of(fact).orElseThrow(() -> new IllegalArgumentException(
                fact.getClass().getSimpleName() + " is not a fact with an id"));
        Optional<Fact> sameId = byId(identity.id());
        return sameId.isPresent() || identity.ref() == null ? sameId : byRef(fact.getClass(), identity.ref());
    }

    /** The same facts at the same sequences, in the same order: two folds of one history are equal. */
    @Override
    public boolean equals(Object other) {
        if (!(other instanceof RecordedFacts that)) {
            return false;
        }
        RecordedFacts a = this;
        RecordedFacts b = that;
        while (a != b) {
            if (a.newest == null || b.newest == null || !a.newest.equals(b.newest)) {
                return false;
            }
            a = a.before;
            b = b.before;
        }
        return true;
    }

    @Override
    public int hashCode() {
        int hash = 1;
        for (RecordedFacts at = this; at.newest != null; at = at.before) {
            hash = 31 * hash + at.newest.hashCode();
        }
        return hash;
    }

    @Override
    public String toString() {
        int count = 0;
        for (RecordedFacts at = this; at.newest != null; at = at.before) {
            count++;
        }
        return "RecordedFacts[" + count + " facts]";
    }
}
