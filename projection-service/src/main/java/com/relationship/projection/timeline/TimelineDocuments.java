package com.relationship.projection.timeline;

import com.relationship.projection.timeline.TimelineView.Entry;
import com.relationship.projection.timeline.TimelineView.Move;
import com.relationship.projection.timeline.TimelineView.Period;
import org.bson.Document;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The document form of a timeline. Instants are ISO-8601 strings, not BSON dates, as in the other
 * read models' documents: a BSON date keeps milliseconds, the events carry microseconds, and a
 * stored view would then differ from the one its events fold to (a rebuild would call it corrupt).
 */
final class TimelineDocuments {

    private TimelineDocuments() {
    }

    static void write(TimelineView view, Document into) {
        into.append("accountId", view.accountId().toString())
                .append("lifecycle", view.lifecycle().stream().map(TimelineDocuments::period).toList())
                .append("kam", view.kam().stream().map(TimelineDocuments::period).toList())
                .append("entries", view.entries().stream().map(TimelineDocuments::entry).toList())
                .append("droppedEntries", view.droppedEntries())
                .append("lastAppliedSequence", view.lastAppliedSequence());
    }

    static TimelineView read(Document from) {
        return new TimelineView(UUID.fromString(from.getString("accountId")), periods(from, "lifecycle"),
                periods(from, "kam"),
                from.getList("entries", Document.class, List.of()).stream().map(TimelineDocuments::entry).toList(),
                number(from, "droppedEntries"), number(from, "lastAppliedSequence"));
    }

    private static Document period(Period p) {
        return new Document("stage", p.stage()).append("enteredAt", instant(p.enteredAt()))
                .append("leftAt", instant(p.leftAt())).append("enteredBy", move(p.enteredBy()))
                .append("leftBy", move(p.leftBy()));
    }

    private static List<Period> periods(Document from, String key) {
        return from.getList(key, Document.class, List.of()).stream().map(p -> new Period(p.getString("stage"),
                instant(p, "enteredAt"), instant(p, "leftAt"), move(p.get("enteredBy", Document.class)),
                move(p.get("leftBy", Document.class)))).toList();
    }

    private static Document move(Move m) {
        return m == null ? null : new Document("sequence", m.sequence()).append("eventId", m.eventId())
                .append("type", m.type()).append("actor", m.actor()).append("reason", m.reason());
    }

    private static Move move(Document m) {
        return m == null ? null : new Move(number(m, "sequence"), m.getString("eventId"), m.getString("type"),
                m.getString("actor"), m.getString("reason"));
    }

    private static Document entry(Entry e) {
        return new Document("sequence", e.sequence()).append("eventId", e.eventId()).append("type", e.type())
                .append("at", instant(e.at())).append("actor", e.actor()).append("reason", e.reason())
                .append("correlationId", e.correlationId()).append("summary", e.summary())
                .append("plainSummary", e.plainSummary());
    }

    private static Entry entry(Document e) {
        return new Entry(number(e, "sequence"), e.getString("eventId"), e.getString("type"), instant(e, "at"),
                e.getString("actor"), e.getString("reason"), e.getString("correlationId"), e.getString("summary"),
                e.getString("plainSummary"));
    }

    private static long number(Document from, String key) {
        return ((Number) from.get(key)).longValue();
    }

    private static String instant(Instant at) {
        return at == null ? null : at.toString();
    }

    private static Instant instant(Document from, String key) {
        String text = from.getString(key);
        return text == null ? null : Instant.parse(text);
    }
}
