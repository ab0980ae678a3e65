package com.relationship.service.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A check of every account's hash chain, as it stands when asked: the counts so far while it runs,
 * the final ones once it has read the whole store. An account is counted once all its events are
 * read, so {@code accountsVerified} is always {@code intact + broken}.
 *
 * @param startedBy               the subject of the token that started it
 * @param eventsInStore           the store's own estimate of its events when the check began, for a
 *                                progress bar against {@code eventsVerified}; null until it is known
 * @param brokenAccounts          the broken accounts in account id order, the first
 *                                {@value IntegrityChecks#BROKEN_LISTED} of them
 * @param brokenAccountsNotListed how many more are broken than {@code brokenAccounts} lists
 * @param eventsPerSecond         events verified per second of the check's running time so far
 * @param failure                 why it stopped before the end; null unless FAILED
 */
public record IntegrityCheck(UUID checkId, State state, String startedBy, Instant startedAt, Instant finishedAt,
                             Long eventsInStore, long accountsVerified, long eventsVerified, long intact, long broken,
                             List<BrokenAccount> brokenAccounts, long brokenAccountsNotListed, long eventsPerSecond,
                             String failure) {

    public enum State {
        RUNNING, COMPLETED, FAILED
    }

    /** Where and why an account's chain breaks, as {@code GET /accounts/{id}/integrity} would say. */
    public record BrokenAccount(String accountId, long brokenAt, String reason) {
    }
}
