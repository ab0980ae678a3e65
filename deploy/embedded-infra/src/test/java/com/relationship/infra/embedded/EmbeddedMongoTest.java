package com.relationship.infra.embedded;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.connection.ServerDescription;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedMongoTest {

    @Test
    void theManagedDriverConnectsInsertsAndReads() {
        try (EmbeddedMongo mongo = EmbeddedMongo.inMemory(0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> accounts = client.getDatabase("relationship").getCollection("accounts");

            accounts.insertOne(new Document("_id", "acc-1").append("name", "Acme"));

            assertThat(accounts.find(new Document("_id", "acc-1")).first()).containsEntry("name", "Acme");
            assertThat(mongo.connectionString()).isEqualTo("mongodb://127.0.0.1:" + mongo.port());
        }
    }

    @Test
    void advertisesTheWireVersionTheDriverNeeds() {
        try (EmbeddedMongo mongo = EmbeddedMongo.inMemory(0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            client.getDatabase("admin").runCommand(new Document("ping", 1));

            ServerDescription server = client.getClusterDescription().getServerDescriptions().get(0);
            // Driver 5.8 refuses servers below wire version 8; if a driver upgrade raises the floor,
            // this is the test that says why every Mongo test broke.
            assertThat(server.getMaxWireVersion())
                    .isGreaterThanOrEqualTo(ServerDescription.MIN_DRIVER_WIRE_VERSION)
                    .isEqualTo(8);
        }
    }

    @Test
    void answersTheHelloCommandSpringBootsHealthCheckSends(@TempDir Path dir) {
        // Boot 4's MongoHealthIndicator: runCommand({hello: 1}) and reads maxWireVersion. Both backends.
        try (EmbeddedMongo memory = EmbeddedMongo.inMemory(0);
             EmbeddedMongo file = EmbeddedMongo.persistent(dir.resolve("mongo.mv.db"), 0)) {
            for (EmbeddedMongo mongo : List.of(memory, file)) {
                try (MongoClient client = MongoClients.create(mongo.connectionString())) {
                    Document hello = client.getDatabase("relationship").runCommand(new Document("hello", 1));

                    assertThat(hello.getInteger("maxWireVersion")).isEqualTo(8);
                    assertThat(hello.get("ok", Number.class).intValue()).isEqualTo(1);
                }
            }
        }
    }

    @Test
    void aUniqueIndexViolationSurfacesAsDuplicateKey11000() {
        // Axon's event store relies on exactly this to detect a concurrent append to an aggregate.
        try (EmbeddedMongo mongo = EmbeddedMongo.inMemory(0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> events = client.getDatabase("relationship").getCollection("domainevents");
            events.createIndex(Indexes.ascending("aggregateIdentifier", "sequenceNumber"), new IndexOptions().unique(true));
            events.insertOne(new Document("aggregateIdentifier", "acc-1").append("sequenceNumber", 0L));

            assertThatThrownBy(() -> events.insertOne(new Document("aggregateIdentifier", "acc-1").append("sequenceNumber", 0L)))
                    .isInstanceOfSatisfying(MongoWriteException.class, e -> {
                        assertThat(e.getCode()).isEqualTo(11000);
                        assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY);
                    });
        }
    }

    @Test
    void listensOnTheRequestedPort() {
        int port = FreePort.pick();
        try (EmbeddedMongo mongo = EmbeddedMongo.inMemory(port)) {
            assertThat(mongo.port()).isEqualTo(port);
        }
    }

    @Test
    void theH2StoreKeepsEveryDocumentAcrossARestart(@TempDir Path dir) {
        Path store = dir.resolve("mongo/mongo.mv.db");
        try (EmbeddedMongo mongo = EmbeddedMongo.persistent(store, 0);
             MongoClient client = MongoClients.create(mongo.connectionString("relationship"))) {
            MongoCollection<Document> accounts = client.getDatabase("relationship").getCollection("accounts");
            accounts.createIndex(Indexes.ascending("name"), new IndexOptions().unique(true));
            for (int i = 0; i < 100; i++) {
                accounts.insertOne(new Document("_id", "acc-" + i).append("name", "Account " + i));
            }
        }
        assertThat(store).isRegularFile();

        try (EmbeddedMongo mongo = EmbeddedMongo.persistent(store, 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> accounts = client.getDatabase("relationship").getCollection("accounts");

            assertThat(accounts.countDocuments()).isEqualTo(100);
            assertThat(accounts.find(new Document("_id", "acc-42")).first()).containsEntry("name", "Account 42");
            // The unique index came back with the data, not just the documents.
            assertThatThrownBy(() -> accounts.insertOne(new Document("_id", "other").append("name", "Account 7")))
                    .isInstanceOfSatisfying(MongoWriteException.class, e -> assertThat(e.getCode()).isEqualTo(11000));
        }
    }

    @Test
    void packingTheFileAtStartKeepsDocumentsAndIndexes(@TempDir Path dir) {
        Path store = dir.resolve("mongo.mv.db");
        try (EmbeddedMongo mongo = new EmbeddedMongo(DurableH2Backend.open(store), 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> events = client.getDatabase("relationship").getCollection("domainevents");
            events.createIndex(Indexes.ascending("aggregateIdentifier", "sequenceNumber"), new IndexOptions().unique(true));
            for (int i = 0; i < 500; i++) {
                events.insertOne(new Document("aggregateIdentifier", "acc-" + (i % 50)).append("sequenceNumber", (long) (i / 50))
                        .append("payload", "x".repeat(500)));
            }
        }
        long unpacked = store.toFile().length();

        try (EmbeddedMongo mongo = new EmbeddedMongo(DurableH2Backend.open(store, 0), 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> events = client.getDatabase("relationship").getCollection("domainevents");
            System.out.printf("500 acknowledged inserts: file %d KB, packed at start to %d KB%n", unpacked / 1024,
                    store.toFile().length() / 1024);

            assertThat(store.toFile().length()).isLessThan(unpacked);
            assertThat(events.countDocuments()).isEqualTo(500);
            assertThatThrownBy(() -> events.insertOne(new Document("aggregateIdentifier", "acc-7").append("sequenceNumber", 3L)))
                    .isInstanceOfSatisfying(MongoWriteException.class, e -> assertThat(e.getCode()).isEqualTo(11000));
        }
    }
}
