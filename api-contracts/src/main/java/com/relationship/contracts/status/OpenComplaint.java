package com.relationship.contracts.status;

import java.time.Instant;
import java.util.UUID;

/**
 * A complaint not yet resolved: while one is open the account cannot become a SUPPORTER (docs/domain.md).
 *
 * @param dueBy    when it should be resolved by
 * @param openedAt when it was opened (the event's time)
 */
public record OpenComplaint(UUID complaintId, String summary, Instant dueBy, Instant openedAt) {
}
