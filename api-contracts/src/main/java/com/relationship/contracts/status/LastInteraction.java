package com.relationship.contracts.status;

import com.relationship.contracts.account.InteractionChannel;
import com.relationship.contracts.account.InteractionDirection;

import java.time.Instant;

/**
 * The latest interaction with an account by business time, whatever its direction: what the account
 * manager last did or heard.
 *
 * @param at        when it happened (the interaction's {@code occurredAt})
 * @param eventId   the InteractionRecorded event that recorded it
 */
public record LastInteraction(Instant at, InteractionChannel channel, InteractionDirection direction,
                              String eventId) {
}
