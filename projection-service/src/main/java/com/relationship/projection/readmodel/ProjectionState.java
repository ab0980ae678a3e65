package com.relationship.projection.readmodel;

import com.relationship.contracts.events.EnvelopedAccountEvent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What one read model holds for one account: its view (null while only parked events are known),
 * the sequence of the last event folded into it, the events that arrived ahead of a gap, by
 * sequence, waiting for the missing ones, and the messages of the account that went to the
 * dead-letter topic and are not re-driven yet (the account is stale while there are any; an event
 * dead-lettered at sequence n leaves a gap, so the events after it park until a re-drive fills it).
 *
 * @param lastAppliedSequence -1 before the first event, so the next expected sequence is always this + 1
 */
public record ProjectionState<V>(V view, long lastAppliedSequence, SortedMap<Long, EnvelopedAccountEvent> parked,
                                 List<DeadLetterMark> deadLetters) {

    public ProjectionState {
        parked = Collections.unmodifiableSortedMap(new TreeMap<>(parked == null ? new TreeMap<>() : parked));
        deadLetters = deadLetters == null ? List.of() : List.copyOf(deadLetters);
        if (view == null && lastAppliedSequence != -1) {
            throw new IllegalArgumentException("no view, yet applied up to sequence " + lastAppliedSequence);
        }
    }

    public static <V> ProjectionState<V> empty() {
        return new ProjectionState<>(null, -1, new TreeMap<>(), List.of());
    }

    public long nextExpectedSequence() {
        return lastAppliedSequence + 1;
    }

    public boolean stale() {
        return !deadLetters.isEmpty();
    }

    /** Why the view is stale (every outstanding dead letter, described), or null when it is not. */
    public String staleReason() {
        return stale() ? deadLetters.stream().map(DeadLetterMark::describe).collect(Collectors.joining("; ")) : null;
    }

    public ProjectionState<V> withView(V newView, long newLastApplied, SortedMap<Long, EnvelopedAccountEvent> newParked) {
        return new ProjectionState<>(newView, newLastApplied, newParked, deadLetters);
    }

    /** With the view moved by time: same events, same parked ones, same letters. */
    public ProjectionState<V> withView(V newView) {
        return new ProjectionState<>(newView, lastAppliedSequence, parked, deadLetters);
    }

    /** With the letter recorded (once: a letter already recorded from the same source is replaced). */
    public ProjectionState<V> withDeadLetter(DeadLetterMark mark) {
        List<DeadLetterMark> marks = new ArrayList<>(deadLetters);
        marks.removeIf(m -> m.source().equals(mark.source()));
        marks.add(mark);
        return new ProjectionState<>(view, lastAppliedSequence, parked, marks);
    }

    /** Without the letter read from {@code source}: it was re-driven. */
    public ProjectionState<V> withoutDeadLetter(String source) {
        return new ProjectionState<>(view, lastAppliedSequence, parked,
                deadLetters.stream().filter(m -> !m.source().equals(source)).toList());
    }
}
