package com.relationship.service.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.relationship.contracts.Topics;
import com.relationship.security.Role;
import com.relationship.security.test.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 28, personal data that can be erased (docs/personal-data.md): a contact's name, title, email and
 * phone are sealed at the web edge, so the event store and the events topic never hold them in plaintext;
 * an admin reads them back (Art. 15) and erases them by destroying the contact's key (Art. 17), after
 * which no MongoDB database or collection holds them, the topic never did, and the hash chain is intact.
 */
class DataSubjectTest extends EmbeddedServiceTest {

    @LocalServerPort
    int port;

    @Autowired
    MongoClient mongo;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    private Api writer;
    private Api admin;
    private Api reader;

    @BeforeEach
    void setUp() {
        writer = new Api("http://127.0.0.1:" + port + "/api/v1", "wanda@sales");
        admin = Api.withToken("http://127.0.0.1:" + port + "/api/v1/admin", TestTokens.token("adam", Role.ADMIN));
        reader = Api.withToken("http://127.0.0.1:" + port + "/api/v1/admin", TestTokens.token("rita", Role.READER));
    }

    @Test
    void aContactIsSealedEverywhereReadBackByAnAdminAndErasedForGoodWithTheChainIntact() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String name = "Zelda Quartermaine " + unique;
        String email = "zelda." + unique + "@example.test";
        String accountId = writer.post("/accounts", Map.of("name", "Hyrule Optics", "industry", "Optics",
                "employeeCount", 40, "region", "EMEA", "classification", "TACTICAL")).body().get("accountId").asText();
        Api.Reply added = writer.post("/accounts/" + accountId + "/contacts", Map.of("name", " " + name + " ",
                "title", "Head of purchasing", "email", email, "phone", "+49 30 555 0199", "role", "DECISION_MAKER",
                "influence", 5));
        assertThat(added.status()).as(String.valueOf(added.body())).isEqualTo(200);
        String contactId = added.body().get("contactId").asText();

        // sealed in the store and on the topic, from the start
        assertThat(hitsInMongo(name, email)).as("plaintext in MongoDB before the erasure").isEmpty();
        List<ConsumerRecord<String, byte[]>> records = await().atMost(Duration.ofSeconds(30)).until(
                () -> EventsOnTopic.records(bootstrapServers, Topics.ACCOUNT_EVENTS, accountId), found -> found.size() >= 2);
        String topic = allText(records);
        assertThat(topic).contains("ContactAdded").contains("pd:v1:" + contactId + ":")
                .doesNotContain(name).doesNotContain(email).doesNotContain("Quartermaine");

        // Art. 15: an admin reads what is held, opened
        Api.Reply held = admin.get("/data-subjects/" + contactId);
        assertThat(held.status()).as(String.valueOf(held.body())).isEqualTo(200);
        assertThat(held.body().get("accountId").asText()).isEqualTo(accountId);
        assertThat(held.body().get("erasedAt").isNull()).isTrue();
        JsonNode datum = held.body().get("data").get(0);
        assertThat(datum.get("name").asText()).isEqualTo(name);
        assertThat(datum.get("email").asText()).isEqualTo(email);
        assertThat(datum.get("phone").asText()).isEqualTo("+49 30 555 0199");
        assertThat(reader.get("/data-subjects/" + contactId).status()).isEqualTo(403);

        // Art. 17: erased once, and asking again answers the first erasure
        Api.Reply erased = admin.post("/data-subjects/" + contactId + "/erasure",
                Map.of("reason", "Art. 17 request, ticket DPO-7"));
        assertThat(erased.status()).as(String.valueOf(erased.body())).isEqualTo(200);
        String erasedAt = erased.body().get("erasedAt").asText();
        Api.Reply again = admin.post("/data-subjects/" + contactId + "/erasure", Map.of("reason", "asked twice"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("erasedAt").asText()).isEqualTo(erasedAt);
        assertThat(again.body().get("version").asLong()).isEqualTo(erased.body().get("version").asLong());

        JsonNode after = admin.get("/data-subjects/" + contactId).body();
        assertThat(after.get("erasedAt").asText()).isEqualTo(erasedAt);
        assertThat(after.get("data").get(0).get("name").asText()).isEqualTo("[erased]");
        assertThat(after.get("data").get(0).get("email").asText()).isEqualTo("[erased]");
        assertThat(hitsInMongo(name, email)).as("plaintext in MongoDB after the erasure").isEmpty();

        Api.Reply integrity = writer.get("/accounts/" + accountId + "/integrity");
        assertThat(integrity.body().get("intact").asBoolean()).as(String.valueOf(integrity.body())).isTrue();
        List<ConsumerRecord<String, byte[]>> afterErasure = await().atMost(Duration.ofSeconds(30)).until(
                () -> EventsOnTopic.records(bootstrapServers, Topics.ACCOUNT_EVENTS, accountId), found -> found.size() >= 3);
        assertThat(allText(afterErasure)).contains("ContactErased").doesNotContain(name).doesNotContain(email);
    }

    @Test
    void anUnknownDataSubjectIsA404Problem() {
        UUID nobody = UUID.randomUUID();
        Api.Reply read = admin.get("/data-subjects/" + nobody);
        Api.Reply erase = admin.post("/data-subjects/" + nobody + "/erasure", Map.of("reason", "Art. 17"));

        for (Api.Reply reply : List.of(read, erase)) {
            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.body().get("type").asText()).isEqualTo("/problems/data-subject-not-found");
        }
        assertThat(admin.post("/data-subjects/" + nobody + "/erasure", Map.of("reason", " ")).status())
                .as("the request is checked first").isEqualTo(422);
    }

    /** Every document of every collection of every database on the server that names them: none, we hope. */
    private List<String> hitsInMongo(String... needles) {
        List<String> hits = new ArrayList<>();
        for (String databaseName : mongo.listDatabaseNames()) {
            MongoDatabase database = mongo.getDatabase(databaseName);
            for (String collection : database.listCollectionNames()) {
                for (Document document : database.getCollection(collection).find()) {
                    String json = document.toJson();
                    for (String needle : needles) {
                        if (json.contains(needle)) {
                            hits.add(databaseName + "." + collection + ": " + needle);
                        }
                    }
                }
            }
        }
        return hits;
    }

    private static String allText(List<ConsumerRecord<String, byte[]>> records) {
        StringBuilder text = new StringBuilder();
        records.forEach(record -> {
            text.append(new String(record.value(), StandardCharsets.UTF_8));
            record.headers().forEach(header -> text.append(new String(header.value(), StandardCharsets.UTF_8)));
        });
        return text.toString();
    }
}
