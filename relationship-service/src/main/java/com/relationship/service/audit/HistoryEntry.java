package com.relationship.service.audit;

import com.relationship.contracts.events.AccountEventTypes;
import com.relationship.service.account.AccountHistory.RecordedEvent;

import java.time.Instant;
import java.util.Map;

/**
 * One event as an auditor reads it: what happened, when, who asked and why, and what caused it.
 *
 * @param type          the public event type, as on Kafka ({@code com.relationship.account.PurchaseRecorded.v1})
 * @param revision      the revision of the payload's form
 * @param time          when it was recorded
 * @param occurredAt    when it happened in the business (a history recorded late is dated as it happened)
 * @param causationId   the id of the command that caused it
 * @param causationType the type of that command ({@code RecordPurchase})
 */
record HistoryEntry(long sequence, String eventId, String type, int revision, Instant time, Instant occurredAt,
                           String actor, String clientId, String reason, String correlationId, String causationId,
                           String causationType, Object payload) {

    static HistoryEntry of(RecordedEvent event) {
        Map<String, Object> metadata = event.metadata();
        return new HistoryEntry(event.sequence(), event.eventId(), event.type(),
                AccountEventTypes.revisionOf(event.payload().getClass()), event.timestamp(), event.occurredAt(),
                text(metadata, "actor"),
                text(metadata, "clientId"), text(metadata, "reason"), text(metadata, "correlationId"),
                text(metadata, "causationId"), text(metadata, "causationType"), event.payload());
    }

    private static String text(Map<String, Object> metadata, String key) {
        Object value = metadata.get(key);
        return value == null ? null : value.toString();
    }
}
