package com.relationship.projection.readmodel;

import com.relationship.contracts.events.AccountEventCodec;
import com.relationship.contracts.events.EnvelopedAccountEvent;
import org.bson.Document;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The Mongo form of one read model's state of an account: the view's own fields at the top level
 * ({@link ReadModel#write}), and beside them what the pipeline keeps: {@code version} for
 * compare-and-set writes, the parked events (as the CloudEvent JSON they arrived in, so they are
 * decoded by the same codec when they are applied), the dead letters, and {@code nextChangeAt} and
 * {@code fingerprint} for the pass over time. A document can hold parked events and no view yet
 * ({@value #HAS_VIEW} false).
 * <p>
 * {@code nextChangeAt} is a BSON date rounded up to the millisecond, so it sorts and compares in
 * every MongoDB (an ISO string does not sort by time once fractions of a second differ in length).
 */
public final class ReadModelDocuments<V> {

    public static final String ID = "_id";
    public static final String VERSION = "version";
    public static final String HAS_VIEW = "hasView";
    public static final String PARKED = "parked";
    public static final String PARKED_COUNT = "parkedCount";
    public static final String DEAD_LETTERS = "deadLetters";
    public static final String DEAD_LETTER_COUNT = "deadLetterCount";
    public static final String NEXT_CHANGE_AT = "nextChangeAt";
    public static final String FINGERPRINT = "fingerprint";
    /**
     * When the document was written, by the writing instance's clock: what a copy of the collection kept in
     * memory reads the changes since its last read by (the profitability's {@code PortfolioRanking}).
     */
    public static final String WRITTEN_AT = "writtenAt";

    private final ReadModel<V> model;
    private final AccountEventCodec codec;

    public ReadModelDocuments(ReadModel<V> model, AccountEventCodec codec) {
        this.model = model;
        this.codec = codec;
    }

    public Document toDocument(UUID accountId, ProjectionState<V> state, long version) {
        Document doc = new Document(ID, accountId.toString()).append(VERSION, version)
                .append(HAS_VIEW, state.view() != null);
        Instant nextChange = null;
        if (state.view() != null) {
            model.write(state.view(), doc);
            nextChange = model.nextChangeAt(state.view());
        }
        doc.append(PARKED, state.parked().values().stream().map(e -> new Document()
                        .append("sequence", e.sequence())
                        .append("cloudEvent", new String(codec.encode(e), StandardCharsets.UTF_8))).toList())
                .append(PARKED_COUNT, state.parked().size())
                .append(DEAD_LETTERS, state.deadLetters().stream().map(m -> new Document()
                        .append("source", m.source())
                        .append("sequence", m.sequence())
                        .append("eventId", m.eventId())
                        .append("reason", m.reason())
                        .append("at", instant(m.at()))).toList())
                .append(DEAD_LETTER_COUNT, state.deadLetters().size())
                .append(NEXT_CHANGE_AT, nextChange == null ? null : dateNotBefore(nextChange))
                .append(FINGERPRINT, model.fingerprint())
                .append(WRITTEN_AT, new Date());
        return doc;
    }

    public long versionOf(Document doc) {
        return doc.get(VERSION, Number.class).longValue();
    }

    public ProjectionState<V> stateOf(Document doc) {
        TreeMap<Long, EnvelopedAccountEvent> parked = new TreeMap<>();
        for (Document p : doc.getList(PARKED, Document.class, List.of())) {
            EnvelopedAccountEvent e = codec.decode(p.getString("cloudEvent").getBytes(StandardCharsets.UTF_8));
            parked.put(e.sequence(), e);
        }
        V view = viewOf(doc);
        return new ProjectionState<>(view, view == null ? -1 : model.lastAppliedSequence(view), parked, deadLettersOf(doc));
    }

    /** The view as served and published (stale while the document lists dead letters), or null if it has none. */
    public V visibleViewOf(Document doc) {
        V view = viewOf(doc);
        if (view == null) {
            return null;
        }
        ProjectionState<V> state = new ProjectionState<>(view, model.lastAppliedSequence(view), new TreeMap<>(),
                deadLettersOf(doc));
        return model.visible(view, state.staleReason());
    }

    /** The view as served and published, from a state. */
    public V visibleViewOf(ProjectionState<V> state) {
        return state.view() == null ? null : model.visible(state.view(), state.staleReason());
    }

    /**
     * The view of a document, or null when it holds parked events only. Documents written before
     * {@value #HAS_VIEW} existed (the status read model's) leave it to {@link ReadModel#read}.
     */
    private V viewOf(Document doc) {
        return Boolean.FALSE.equals(doc.getBoolean(HAS_VIEW)) ? null : model.read(doc);
    }

    private static List<DeadLetterMark> deadLettersOf(Document doc) {
        return doc.getList(DEAD_LETTERS, Document.class, List.of()).stream().map(m -> new DeadLetterMark(
                m.getString("source"), m.get("sequence") == null ? null : m.get("sequence", Number.class).longValue(),
                m.getString("eventId"), m.getString("reason"), instant(m.getString("at")))).toList();
    }

    /** The instant rounded up to the millisecond: a pass due at the date never comes before the instant. */
    static Date dateNotBefore(Instant instant) {
        Instant millis = instant.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        return Date.from(millis.isBefore(instant) ? millis.plusMillis(1) : millis);
    }

    private static String instant(Instant value) {
        return value == null ? null : value.toString();
    }

    private static Instant instant(String value) {
        return value == null ? null : Instant.parse(value);
    }
}
