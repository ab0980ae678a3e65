package com.relationship.service.audit;

import com.relationship.service.account.AccountHistory;
import com.relationship.service.account.AccountHistory.RecordedEvent;
import com.relationship.service.account.UnknownAccountException;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * An account's history filtered by time, event type and correlation id, as a page or as one
 * stream. Both read the store lazily, in its batches: memory stays bounded by the page size, or
 * by one batch when streaming, however long the history.
 */
@Component
class HistoryQuery {

    static final int MAX_PAGE_SIZE = 500;

    private final AccountHistory history;

    HistoryQuery(AccountHistory history) {
        this.history = history;
    }

    /**
     * @param from          first instant included (null: from the start)
     * @param to            first instant excluded (null: to the end)
     * @param type          the public type ({@code com.relationship.account.PurchaseRecorded.v1}) or its
     *                      event name ({@code PurchaseRecorded}); null: all
     * @param correlationId only the events of one request; null: all
     */
    record Filter(Instant from, Instant to, String type, String correlationId) {

        Predicate<HistoryEntry> predicate() {
            return entry -> (from == null || !entry.time().isBefore(from))
                    && (to == null || entry.time().isBefore(to))
                    && (type == null || entry.type().equals(type)
                        || entry.payload().getClass().getSimpleName().equals(type))
                    && (correlationId == null || correlationId.equals(entry.correlationId()));
        }
    }

    /** @param hasMore whether a next page has entries */
    record Page(UUID accountId, int page, int size, boolean hasMore, List<HistoryEntry> items) {
    }

    Page page(UUID accountId, Filter filter, int page, int size) {
        requireExists(accountId);
        try (Stream<RecordedEvent> events = history.stream(accountId)) {
            List<HistoryEntry> window = events.map(HistoryEntry::of).filter(filter.predicate())
                    .skip((long) page * size).limit(size + 1L).toList();
            return new Page(accountId, page, size, window.size() > size, window.subList(0, Math.min(size, window.size())));
        }
    }

    /** Every matching entry, in order; the caller closes the stream. */
    Stream<HistoryEntry> all(UUID accountId, Filter filter) {
        requireExists(accountId);
        return history.stream(accountId).map(HistoryEntry::of).filter(filter.predicate());
    }

    private void requireExists(UUID accountId) {
        if (!history.exists(accountId)) {
            throw new UnknownAccountException(accountId);
        }
    }
}
