package com.relationship.projection.status;

import com.relationship.contracts.events.EnvelopedAccountEvent;
import com.relationship.contracts.status.AccountStatus;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the read model holds for one account: its status (null while only parked events are known)
 * and the events that arrived ahead of a gap, by sequence, waiting for the missing ones.
 */
public record ProjectionState(AccountStatus status, SortedMap<Long, EnvelopedAccountEvent> parked) {

    public static final ProjectionState EMPTY = new ProjectionState(null, new TreeMap<>());

    public ProjectionState {
        parked = Collections.unmodifiableSortedMap(new TreeMap<>(parked == null ? new TreeMap<>() : parked));
    }

    /** -1 before the first event, so the next expected sequence is always this + 1. */
    public long lastAppliedSequence() {
        return status == null ? -1 : status.lastAppliedSequence();
    }

    public long nextExpectedSequence() {
        return lastAppliedSequence() + 1;
    }
}
