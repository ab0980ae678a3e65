package com.relationship.contracts.commands;

import java.util.UUID;

/** Puts a STRATEGIC account on the KAM track at PRE_KAM. */
public record DesignateKeyAccount(UUID accountId, String rationale) implements AccountCommand {
}
