package com.relationship.projection.readmodel;

import com.mongodb.client.MongoClient;
import com.relationship.projection.TestMongo;
import com.relationship.contracts.events.AccountEventCodec;
import com.relationship.contracts.events.EnvelopedAccountEvent;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The pass over time reads only the due accounts, and every account once when the model changed. */
class ReadModelStoreDueTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final MongoClient client = TestMongo.client();

    @Test
    void dueAreTheAccountsWhoseChangeHasComeOrWhoseFingerprintIsOld() {
        Clocked model = new Clocked("v1");
        ReadModelStore<Clocked.View> store = store(model);
        UUID past = save(store, NOW.minusSeconds(60));
        UUID exactlyNow = save(store, NOW);
        UUID aNanoLater = save(store, NOW.plusNanos(1));
        UUID future = save(store, NOW.plusSeconds(3600));
        UUID never = save(store, null);

        assertThat(store.due(NOW, "v1", null, 100)).containsExactlyInAnyOrder(past, exactlyNow);
        assertThat(store.due(NOW.plusNanos(999_999), "v1", null, 100)).as("never before its instant, at most 1 ms late")
                .containsExactlyInAnyOrder(past, exactlyNow);
        assertThat(store.due(NOW.plusMillis(1), "v1", null, 100)).contains(aNanoLater).doesNotContain(future, never);
        assertThat(store.due(NOW, "v2", null, 100)).as("a new model visits everyone once")
                .containsExactlyInAnyOrder(past, exactlyNow, aNanoLater, future, never);
        assertThat(store.due(NOW, "v0", null, 100)).as("an older fingerprint, which sorts before")
                .containsExactlyInAnyOrder(past, exactlyNow, aNanoLater, future, never);
    }

    /** A document with no fingerprint (a collection older than fingerprints) is found by the sweep of every document. */
    @Test
    void aDocumentWithoutAFingerprintIsFoundWhenEveryDocumentIsSwept() {
        ReadModelStore<Clocked.View> store = store(new Clocked("v1"));
        UUID old = save(store, NOW.plusSeconds(3600));
        store.collection().updateOne(new org.bson.Document("_id", old.toString()),
                new org.bson.Document("$unset", new org.bson.Document(ReadModelDocuments.FINGERPRINT, "")));

        assertThat(store.due(NOW, "v1", null, 100, false)).doesNotContain(old);
        assertThat(store.due(NOW, "v1", null, 100, true)).containsExactly(old);
    }

    @Test
    void dueComesInPagesByAccountId() {
        ReadModelStore<Clocked.View> store = store(new Clocked("v1"));
        List<UUID> saved = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            saved.add(save(store, NOW.minusSeconds(i)));
        }
        List<UUID> seen = new ArrayList<>();
        UUID after = null;
        List<UUID> page;
        do {
            page = store.due(NOW, "v1", after, 3);
            seen.addAll(page);
            after = page.isEmpty() ? after : page.get(page.size() - 1);
        } while (page.size() == 3);

        assertThat(seen).containsExactlyElementsOf(saved.stream().sorted((a, b) -> a.toString().compareTo(b.toString())).toList());
    }

    private static ReadModelStore<Clocked.View> store(Clocked model) {
        return new ReadModelStore<>(client.getDatabase("due_test").getCollection("due_" + UUID.randomUUID()),
                new ReadModelDocuments<>(model, new AccountEventCodec()), collection -> { });
    }

    private static UUID save(ReadModelStore<Clocked.View> store, Instant nextChangeAt) {
        UUID id = UUID.randomUUID();
        ProjectionState<Clocked.View> state = new ProjectionState<>(new Clocked.View(0, nextChangeAt), 0, new TreeMap<>(),
                List.of());
        assertThat(store.compareAndSet(id, 0, state).written()).isTrue();
        return id;
    }

    /** A read model whose view is just its next change time. */
    record Clocked(String fingerprint) implements ReadModel<Clocked.View> {

        record View(long sequence, Instant nextChangeAt) {
        }

        @Override
        public String name() {
            return "clocked";
        }

        @Override
        public String collection() {
            return "clocked";
        }

        @Override
        public View apply(View view, EnvelopedAccountEvent event) {
            return new View(event.sequence(), view == null ? null : view.nextChangeAt());
        }

        @Override
        public long lastAppliedSequence(View view) {
            return view.sequence();
        }

        @Override
        public void write(View view, Document into) {
            into.append("sequence", view.sequence()).append("next", view.nextChangeAt() == null ? null
                    : view.nextChangeAt().toString());
        }

        @Override
        public View read(Document from) {
            return new View(from.get("sequence", Number.class).longValue(),
                    from.getString("next") == null ? null : Instant.parse(from.getString("next")));
        }

        @Override
        public Instant nextChangeAt(View view) {
            return view.nextChangeAt();
        }
    }
}
