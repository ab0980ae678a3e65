package com.relationship.service.account;

/**
 * A command's answer when the fact it records was recorded before (the same minted id, or the same
 * seller's reference with the same content): the version that first recorded it. Nothing is stored;
 * the web edge answers it as it answered the first time, marked {@code Idempotent-Replayed: true}.
 */
public record Replayed(long version) {
}
