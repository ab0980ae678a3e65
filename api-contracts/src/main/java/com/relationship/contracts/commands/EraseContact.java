package com.relationship.contracts.commands;

import java.util.UUID;

/**
 * Records that a contact's personal data was erased (their key destroyed by the service's erasure
 * endpoint), with the reason: a ticket or a legal ground, no personal data.
 */
public record EraseContact(UUID accountId, UUID contactId, String reason) implements AccountCommand {
}
