package com.relationship.infra.embedded;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ordered indexes at the scale, on demand ({@code -Dscale.events=2000000}; not part
 * of the normal run, it takes minutes): how long appending the events takes, what the queries
 * Axon sends cost at that size, how long the file takes to open (indexes are stored, nothing is
 * rebuilt), and how long filling the indexes from the documents takes (once, for a file of the
 * stock backend; {@code -Dscale.rebuild=false} leaves that out).
 */
@EnabledIfSystemProperty(named = "scale.events", matches = "[0-9]+")
class OrderedIndexScaleTest {

    @TempDir
    Path dir;

    @Test
    void queriesOpenAndRebuildAtScale() throws Exception {
        int aggregates = Integer.getInteger("scale.events") / 10;
        Path file = dir.resolve("mongo.mv.db");
        long started = System.nanoTime();
        DurableH2Backend backend = DurableH2Backend.open(file);
        double[] costs;
        try (EmbeddedMongo mongo = new EmbeddedMongo(backend, 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> events = OrderedIndexTest.axonEvents(client);
            for (int from = 0; from < aggregates; from += 10_000) {
                OrderedIndexTest.append(events, from, Math.min(aggregates, from + 10_000));
            }
            double appendSeconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("scale: appended %,d events in %.0f s (%,.0f events/s)%n", aggregates * 10L, appendSeconds,
                    aggregates * 10 / appendSeconds);
            costs = OrderedIndexTest.costs(events, aggregates);
        }
        System.out.printf("scale: at %,d events: load %.2f ms, head poll %.2f ms, catch-up batch of 100 %.2f ms; file %,d MB%n",
                aggregates * 10L, costs[0], costs[1], costs[2], Files.size(file) / 1_000_000);

        started = System.nanoTime();
        backend = DurableH2Backend.open(file, Long.MAX_VALUE);
        double openMs = (System.nanoTime() - started) / 1e6;
        try (EmbeddedMongo mongo = new EmbeddedMongo(backend, 0)) {
            assertThat(OrderedIndexTest.collection(backend, "axon", "domainevents").getIndexes())
                    .allSatisfy(index -> assertThat(index.getCount()).isEqualTo(aggregates * 10L));
        }

        if (!Boolean.parseBoolean(System.getProperty("scale.rebuild", "true"))) {
            System.out.printf("scale: open with stored indexes %.0f ms%n", openMs);
            return;
        }
        MVStore store = MVStore.open(file.toString());
        for (String name : List.copyOf(store.getMapNames())) {
            if (name.contains("._ordered_")) {
                store.removeMap(name);
            }
        }
        store.close();
        started = System.nanoTime();
        backend = DurableH2Backend.open(file, Long.MAX_VALUE);
        double rebuildMs = (System.nanoTime() - started) / 1e6;
        try (EmbeddedMongo mongo = new EmbeddedMongo(backend, 0)) {
            assertThat(OrderedIndexTest.collection(backend, "axon", "domainevents").getIndexes())
                    .allSatisfy(index -> assertThat(index.getCount()).isEqualTo(aggregates * 10L));
        }
        System.out.printf("scale: open with stored indexes %.0f ms; open filling all 3 indexes from the documents %.0f ms%n",
                openMs, rebuildMs);
    }
}
