/**
 * The one fold of an account's events on the write side, {@link com.relationship.account.AccountState#evolve}:
 * the aggregate's event sourcing, eligibility and every as-of answer fold with it, so no two answers
 * can drift. And the answers every fold shares, write side and read models alike:
 * {@link com.relationship.account.StageMoves} (which stage an event leads to) and
 * {@link com.relationship.account.FactIdentity} (how a fact is known, so it is recorded once).
 */
package com.relationship.account;
