package com.relationship.contracts.status;

import java.time.Instant;
import java.util.UUID;

/**
 * A complaint not yet resolved: seed 001's unheard voice.
 *
 * @param dueBy    when it should be resolved by
 * @param openedAt when it was opened (the event's time)
 */
public record OpenComplaint(UUID complaintId, String summary, Instant dueBy, Instant openedAt) {
}
