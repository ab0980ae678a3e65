package com.relationship.projection.status;

import com.relationship.contracts.events.EnvelopedAccountEvent;
import com.relationship.contracts.status.AccountStatus;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What the read model holds for one account: its status (null while only parked events are known),
 * the events that arrived ahead of a gap, by sequence, waiting for the missing ones, and the messages
 * of the account that went to the dead-letter topic and are not re-driven yet (the account is stale
 * while there are any; an event dead-lettered at sequence n leaves a gap, so the events after it park
 * until a re-drive fills it).
 */
public record ProjectionState(AccountStatus status, SortedMap<Long, EnvelopedAccountEvent> parked,
                              List<DeadLetterMark> deadLetters) {

    public static final ProjectionState EMPTY = new ProjectionState(null, new TreeMap<>(), List.of());

    public ProjectionState {
        parked = Collections.unmodifiableSortedMap(new TreeMap<>(parked == null ? new TreeMap<>() : parked));
        deadLetters = deadLetters == null ? List.of() : List.copyOf(deadLetters);
    }

    /** -1 before the first event, so the next expected sequence is always this + 1. */
    public long lastAppliedSequence() {
        return status == null ? -1 : status.lastAppliedSequence();
    }

    public long nextExpectedSequence() {
        return lastAppliedSequence() + 1;
    }

    public boolean stale() {
        return !deadLetters.isEmpty();
    }

    /** The status as served and published: the fold's status, marked stale while dead letters are outstanding. */
    public AccountStatus visibleStatus() {
        if (status == null) {
            return null;
        }
        return status.withStale(stale()
                ? deadLetters.stream().map(DeadLetterMark::describe).collect(Collectors.joining("; "))
                : null);
    }

    public ProjectionState withStatusAndParked(AccountStatus newStatus, SortedMap<Long, EnvelopedAccountEvent> newParked) {
        return new ProjectionState(newStatus, newParked, deadLetters);
    }

    /** With the letter recorded (once: a letter already recorded from the same source is replaced). */
    public ProjectionState withDeadLetter(DeadLetterMark mark) {
        List<DeadLetterMark> marks = new ArrayList<>(deadLetters);
        marks.removeIf(m -> m.source().equals(mark.source()));
        marks.add(mark);
        return new ProjectionState(status, parked, marks);
    }

    /** Without the letter read from {@code source}: it was re-driven. */
    public ProjectionState withoutDeadLetter(String source) {
        return new ProjectionState(status, parked, deadLetters.stream().filter(m -> !m.source().equals(source)).toList());
    }
}
