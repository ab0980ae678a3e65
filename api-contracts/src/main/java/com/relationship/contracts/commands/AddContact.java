package com.relationship.contracts.commands;

import com.relationship.contracts.account.ContactRole;
import com.relationship.contracts.account.InteractionChannel;

import java.util.UUID;

/**
 * Adds a person of the account to its buying committee: who they are, the part they play and how much
 * they weigh on a purchase (influence 1 to 5). {@code name}, {@code title}, {@code email} and
 * {@code phone} are personal data (decision 0015), sealed by the web edge before the command is built
 * (docs/personal-data.md); email, phone and preferredChannel are optional.
 */
public record AddContact(UUID accountId, UUID contactId, String name, String title, String email, String phone,
                         ContactRole role, int influence, InteractionChannel preferredChannel)
        implements AccountCommand {
}
