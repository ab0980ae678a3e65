package com.relationship.contracts.events;

import com.relationship.contracts.account.LifecycleStage;

import java.util.UUID;

/** The account is LAPSED; {@code lapsedFrom} is the stage it held. */
public record AccountLapsed(UUID accountId, LifecycleStage lapsedFrom, String reason) implements AccountEvent {
}
