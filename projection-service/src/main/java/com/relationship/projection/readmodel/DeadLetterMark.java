package com.relationship.projection.readmodel;

import java.time.Instant;

/**
 * One message of an account that went to the dead-letter topic and has not been re-driven yet. While
 * an account has any, its status is stale.
 *
 * @param source   where the message was read: {@code topic-partition@offset}; identifies the letter
 * @param sequence the event's sequence, if the envelope could be read that far; null otherwise
 * @param eventId  the event's id, if readable; null otherwise
 * @param reason   why it could not be applied, for a person
 * @param at       when it was dead-lettered
 */
public record DeadLetterMark(String source, Long sequence, String eventId, String reason, Instant at) {

    /** The text of {@code AccountStatus.staleReason}. */
    public String describe() {
        return "event " + (sequence == null ? "(unreadable)" : "at sequence " + sequence)
                + (eventId == null ? "" : " (id " + eventId + ")") + " from " + source + " was dead-lettered: " + reason;
    }
}
