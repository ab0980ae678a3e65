/**
 * The one fold of an account's events: {@link com.relationship.account.AccountState#evolve}.
 * Everything that needs "what the account was after these events" (the aggregate's event
 * sourcing, eligibility, as-of answers, the read side) folds with it, so no two answers can drift.
 */
package com.relationship.account;
