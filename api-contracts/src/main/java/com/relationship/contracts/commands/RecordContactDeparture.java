package com.relationship.contracts.commands;

import java.util.UUID;

/**
 * A contact left the account (changed jobs, retired): the SOCIAL bonds with them dissolve, the deeper
 * bonds hold. When it happened is the command's business time.
 */
public record RecordContactDeparture(UUID accountId, UUID contactId, String reason) implements AccountCommand {
}
