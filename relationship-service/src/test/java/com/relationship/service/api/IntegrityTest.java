package com.relationship.service.api;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tamper evidence (docs/auditing.md, "Tamper evidence"): stored event documents are edited straight in MongoDB,
 * and both {@code GET /integrity} and the auditors' own script (docs/verify-chain.py) name the
 * sequence where the chain breaks.
 */
class IntegrityTest extends EmbeddedServiceTest {

    private static final Path SCRIPT = Path.of("..", "docs", "verify-chain.py");

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate axonMongoTemplate;

    @TempDir
    Path exports;

    private Api api;

    @BeforeEach
    void setUp() {
        api = new Api("http://127.0.0.1:" + port + "/api/v1", "dave@audit");
    }

    /** An account with events 0..4: registration, two purchases, a referral, a complaint. */
    private String accountWithHistory() {
        Api.Reply registered = api.post("/accounts", Map.of("name", "Initech", "industry", "Software",
                "employeeCount", 300, "region", "NA", "classification", "TACTICAL"));
        assertThat(registered.status()).isEqualTo(201);
        String id = registered.body().get("accountId").asText();
        String a = "/accounts/" + id;
        Map<String, Object> purchase = Map.of("amount", "120.00", "currency", "EUR",
                "occurredAt", "2026-05-01T10:00:00Z", "description", "licence");
        assertThat(api.post(a + "/purchases", purchase).status()).isEqualTo(200);
        assertThat(api.post(a + "/purchases", purchase).status()).isEqualTo(200);
        assertThat(api.post(a + "/referrals", Map.of("description", "told a peer")).status()).isEqualTo(200);
        assertThat(api.post(a + "/complaints", Map.of("summary", "late", "occurredAt", "2026-05-20T00:00:00Z",
                "dueBy", "2026-06-01T00:00:00Z"))
                .status()).isEqualTo(200);
        return id;
    }

    private MongoCollection<Document> events() {
        return axonMongoTemplate.eventCollection();
    }

    private static org.bson.conversions.Bson event(String id, long sequence) {
        return Filters.and(Filters.eq("aggregateIdentifier", id), Filters.eq("sequenceNumber", sequence));
    }

    private Api.Reply integrity(String id) {
        Api.Reply reply = api.get("/accounts/" + id + "/integrity");
        assertThat(reply.status()).isEqualTo(200);
        return reply;
    }

    /** The auditors' script run on an export of the account's stored documents, as mongoexport writes them. */
    private String script(String id) throws Exception {
        List<String> lines = new ArrayList<>();
        events().find(Filters.eq("aggregateIdentifier", id)).forEach(document -> lines.add(document.toJson()));
        Path export = exports.resolve(id + ".json");
        Files.write(export, lines, StandardCharsets.UTF_8);
        Process python = new ProcessBuilder("python3", SCRIPT.toString(), export.toString())
                .redirectErrorStream(true).start();
        String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        python.waitFor();
        return output;
    }

    @Test
    void anUntouchedHistoryIsIntactForTheServiceAndForTheScript() throws Exception {
        String id = accountWithHistory();
        Api.Reply reply = integrity(id);
        assertThat(reply.body().get("intact").asBoolean()).as(String.valueOf(reply.body())).isTrue();
        assertThat(reply.body().get("events").asLong()).isEqualTo(5);
        assertThat(reply.body().get("lastSequence").asLong()).isEqualTo(4);
        String lastHash = reply.body().get("lastHash").asText();
        assertThat(lastHash).hasSize(64);
        assertThat(script(id)).isEqualTo("intact 5 4 " + lastHash);
    }

    @Test
    void eachKindOfTamperingIsFoundWhereItHappened() throws Exception {
        record Tampering(String what, long brokenAt, Consumer<String> edit) {
        }
        List<Tampering> cases = List.of(
                new Tampering("a payload field", 2, id -> {
                    Document stored = events().find(event(id, 2)).first();
                    String payload = stored.getString("serializedPayload");
                    assertThat(payload).contains("120.00");
                    events().updateOne(event(id, 2), Updates.set("serializedPayload", payload.replace("120.00", "12.00")));
                }),
                new Tampering("a timestamp", 1, id -> events().updateOne(event(id, 1),
                        Updates.set("timestamp", "2020-01-01T00:00:00.000Z"))),
                new Tampering("a metadata field", 3, id -> {
                    String metadata = events().find(event(id, 3)).first().getString("serializedMetaData");
                    assertThat(metadata).contains("dave@audit");
                    events().updateOne(event(id, 3), Updates.set("serializedMetaData",
                            metadata.replace("dave@audit", "mallory@audit")));
                }),
                new Tampering("a deleted event", 2, id -> events().deleteOne(event(id, 2))),
                new Tampering("an inserted event", 5, id -> {
                    Document forged = new Document(events().find(event(id, 4)).first());
                    forged.remove("_id");
                    forged.put("sequenceNumber", 5L);
                    forged.put("eventIdentifier", UUID.randomUUID().toString());
                    events().insertOne(forged);
                }));
        for (Tampering tampering : cases) {
            String id = accountWithHistory();
            tampering.edit().accept(id);
            Api.Reply reply = integrity(id);
            assertThat(reply.body().get("intact").asBoolean()).as(tampering.what()).isFalse();
            assertThat(reply.body().get("brokenAt").asLong()).as(tampering.what()).isEqualTo(tampering.brokenAt());
            assertThat(reply.body().get("reason").asText()).as(tampering.what()).isNotBlank();
            assertThat(script(id)).as(tampering.what()).startsWith("broken at " + tampering.brokenAt() + ":");
        }
    }
}
