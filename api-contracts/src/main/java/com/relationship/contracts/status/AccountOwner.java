package com.relationship.contracts.status;

import com.relationship.contracts.account.OwnerKind;

import java.time.Instant;

/**
 * Who of the seller's people owns the account (AccountOwnerAssigned).
 *
 * @param subject the owner's subject, as the {@code sub} claim of their tokens: what {@code owner=me} compares
 * @param kind    HUNTER (wins the account) or DEVELOPER (grows and keeps it)
 * @param since   when they were assigned (the event's business time)
 */
public record AccountOwner(String subject, OwnerKind kind, Instant since) {
}
