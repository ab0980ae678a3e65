package com.relationship.projection.committee;

import java.util.UUID;

/**
 * A TWO_WAY interaction of the account, kept while it can still fall in a cadence window.
 *
 * @param at        when it happened (its occurredAt, else the event's business time)
 * @param contactId the committee's contact it named; null for one that names a person in free text only
 *                  (every interaction recorded before contacts existed)
 */
public record TwoWay(java.time.Instant at, UUID contactId, String eventId) {
}
