package com.relationship.projection.bonding;

import com.relationship.contracts.events.BondDissolved;
import com.relationship.contracts.events.BondEstablished;
import com.relationship.contracts.events.EnvelopedAccountEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The one fold of an account's bond list, used by the bonding view and by the churn facts alike, so
 * the two can never disagree on which bonds an account holds.
 */
public final class Bonds {

    private Bonds() {
    }

    /**
     * The bonds after {@code event}: a BondEstablished adds its bond (since = its business time), a
     * BondDissolved removes it; any other event leaves {@code bonds} itself.
     */
    public static List<Bond> apply(List<Bond> bonds, EnvelopedAccountEvent event) {
        if (event.event() instanceof BondEstablished established) {
            List<Bond> next = new ArrayList<>(without(bonds, established.bondId()));
            Instant since = established.occurredAt() != null ? established.occurredAt() : event.occurredAt();
            next.add(new Bond(established.bondId(), established.kind(), established.description(), since,
                    established.validUntil(), event.eventId()));
            return List.copyOf(next);
        }
        if (event.event() instanceof BondDissolved dissolved) {
            return without(bonds, dissolved.bondId());
        }
        return bonds;
    }

    /** The bonds still in force or yet to start at {@code now}: one past its validUntil has dissolved by itself. */
    public static List<Bond> notEnded(List<Bond> bonds, Instant now) {
        List<Bond> kept = bonds.stream().filter(b -> b.validUntil() == null || now.isBefore(b.validUntil())).toList();
        return kept.size() == bonds.size() ? bonds : kept;
    }

    private static List<Bond> without(List<Bond> bonds, java.util.UUID bondId) {
        return bonds.stream().filter(bond -> !bond.bondId().equals(bondId)).toList();
    }
}
