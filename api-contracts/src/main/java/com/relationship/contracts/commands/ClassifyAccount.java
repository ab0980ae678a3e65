package com.relationship.contracts.commands;

import com.relationship.contracts.account.Classification;

import java.util.UUID;

/** Classifies the account as STRATEGIC or TACTICAL. */
public record ClassifyAccount(UUID accountId, Classification classification, String rationale)
        implements AccountCommand {
}
