package com.relationship.account;

import java.time.Instant;
import java.util.Optional;

/**
 * When each fact of one kind of evidence happened, in business time: what a move dated T may count
 * (the facts dated at or before it; a fact recorded late counts for moves dated after it). Persistent,
 * newest recorded first, so a state shares the dates of the one before it and the fold stays linear.
 */
public final class Dates {

    private static final Dates NONE = new Dates(null, null, 0);

    private final Instant newest;
    private final Dates before;
    private final int size;

    private Dates(Instant newest, Dates before, int size) {
        this.newest = newest;
        this.before = before;
        this.size = size;
    }

    public static Dates none() {
        return NONE;
    }

    Dates with(Instant at) {
        return new Dates(at, this, size + 1);
    }

    public int size() {
        return size;
    }

    /** How many are dated at or before {@code at}. */
    public int countUpTo(Instant at) {
        return countBetween(null, at);
    }

    /** How many are dated not before {@code from} (null: any) and at or before {@code upTo}. */
    public int countBetween(Instant from, Instant upTo) {
        int count = 0;
        for (Dates d = this; d.newest != null; d = d.before) {
            if (!d.newest.isAfter(upTo) && (from == null || !d.newest.isBefore(from))) {
                count++;
            }
        }
        return count;
    }

    public Optional<Instant> earliest() {
        Instant earliest = null;
        for (Dates d = this; d.newest != null; d = d.before) {
            earliest = earliest == null || d.newest.isBefore(earliest) ? d.newest : earliest;
        }
        return Optional.ofNullable(earliest);
    }

    /** Only those dated not before {@code from}. */
    Dates from(Instant from) {
        Dates kept = NONE;
        for (Dates d = this; d.newest != null; d = d.before) {
            if (!d.newest.isBefore(from)) {
                kept = kept.with(d.newest);
            }
        }
        return kept;
    }

    /** Only the earliest. */
    Dates earliestOnly() {
        return earliest().map(NONE::with).orElse(NONE);
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof Dates that) || that.size != size) {
            return false;
        }
        Dates a = this;
        Dates b = that;
        while (a != b && a.newest != null) {
            if (!a.newest.equals(b.newest)) {
                return false;
            }
            a = a.before;
            b = b.before;
        }
        return true;
    }

    @Override
    public int hashCode() {
        int hash = size;
        for (Dates d = this; d.newest != null; d = d.before) {
            hash = 31 * hash + d.newest.hashCode();
        }
        return hash;
    }

    @Override
    public String toString() {
        return "Dates[" + size + "]";
    }
}
