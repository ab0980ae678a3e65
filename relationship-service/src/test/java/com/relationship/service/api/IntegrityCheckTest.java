package com.relationship.service.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.relationship.security.Role;
import com.relationship.security.test.TestTokens;
import com.relationship.service.audit.AccountIntegrity;
import com.relationship.service.audit.IntegrityReport;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 9, auditors: an admin verifies every account of the store in the background. Accounts are
 * tampered with straight in MongoDB, one edited and one with an event deleted, and the check names
 * exactly those, with the sequence where each chain breaks; its counts are the store's. Also: only
 * admins may, a malformed check id is a 400 and an unknown one a 404, as problem+json.
 */
class IntegrityCheckTest extends EmbeddedServiceTest {

    private static final String CHECKS = "/api/v1/admin/integrity-checks";

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate axonMongoTemplate;

    @Autowired
    AccountIntegrity integrity;

    private Api admin;
    private Api writer;

    @BeforeEach
    void setUp() {
        admin = Api.withToken("http://127.0.0.1:" + port, TestTokens.token("adam", Role.ADMIN));
        writer = new Api("http://127.0.0.1:" + port + "/api/v1", "dave@audit");
    }

    /** Events 0..3: registration, two purchases, a referral. */
    private String accountWithHistory() {
        Api.Reply registered = writer.post("/accounts", Map.of("name", "Globex", "industry", "Energy",
                "employeeCount", 800, "region", "NA", "classification", "TACTICAL"));
        assertThat(registered.status()).isEqualTo(201);
        String id = registered.body().get("accountId").asText();
        Map<String, Object> purchase = Map.of("amount", "120.00", "currency", "EUR",
                "occurredAt", "2026-05-01T10:00:00Z", "description", "licence");
        assertThat(writer.post("/accounts/" + id + "/purchases", purchase).status()).isEqualTo(200);
        assertThat(writer.post("/accounts/" + id + "/purchases", purchase).status()).isEqualTo(200);
        assertThat(writer.post("/accounts/" + id + "/referrals", Map.of("description", "told a peer")).status())
                .isEqualTo(200);
        return id;
    }

    private MongoCollection<Document> events() {
        return axonMongoTemplate.eventCollection();
    }

    private static Bson event(String id, long sequence) {
        return Filters.and(Filters.eq("aggregateIdentifier", id), Filters.eq("sequenceNumber", sequence));
    }

    private JsonNode awaitEnd(String location) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100)).until(() -> {
            Api.Reply reply = admin.get(location);
            assertThat(reply.status()).as("%s", reply.raw().body()).isEqualTo(200);
            last[0] = reply.body();
            return !"RUNNING".equals(last[0].get("state").asText());
        });
        return last[0];
    }

    /** Starts a check; one left running by another test (the access table starts one) is waited out first. */
    private Api.Reply start() {
        Api.Reply reply = admin.post(CHECKS, "");
        if (reply.status() == 409) {
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.body().get("type").asText()).isEqualTo("/problems/integrity-check-running");
            awaitEnd(reply.body().get("runningCheck").asText());
            reply = admin.post(CHECKS, "");
        }
        return reply;
    }

    @Test
    void everyAccountIsVerifiedAndTheTamperedOnesAreNamedWhereTheyBreak() {
        String untouched = accountWithHistory();
        String edited = accountWithHistory();
        String payload = events().find(event(edited, 2)).first().getString("serializedPayload");
        assertThat(payload).contains("120.00");
        events().updateOne(event(edited, 2), Updates.set("serializedPayload", payload.replace("120.00", "12.00")));
        String gap = accountWithHistory();
        events().deleteOne(event(gap, 1));
        long storedEvents = events().countDocuments();
        long storedAccounts = events().distinct("aggregateIdentifier", String.class).into(new java.util.ArrayList<>())
                .size();

        Instant before = Instant.now();
        Api.Reply started = start();
        assertThat(started.status()).as("%s", started.raw().body()).isEqualTo(202);
        String checkId = started.body().get("checkId").asText();
        assertThat(started.header("Location")).isEqualTo(CHECKS + "/" + checkId);
        assertThat(started.body().get("state").asText()).isEqualTo("RUNNING");
        assertThat(started.body().get("startedBy").asText()).isEqualTo("adam");
        assertThat(Instant.parse(started.body().get("startedAt").asText())).isAfterOrEqualTo(before.minusSeconds(1));

        JsonNode check = awaitEnd(started.header("Location"));

        assertThat(check.get("state").asText()).as("%s", check).isEqualTo("COMPLETED");
        assertThat(check.get("accountsVerified").asLong()).isEqualTo(storedAccounts);
        assertThat(check.get("eventsVerified").asLong()).isEqualTo(storedEvents);
        assertThat(check.get("intact").asLong() + check.get("broken").asLong()).isEqualTo(storedAccounts);
        assertThat(check.get("brokenAccountsNotListed").asLong()).isZero();
        assertThat(check.get("finishedAt").isNull()).isFalse();
        Map<String, Long> brokenAt = new HashMap<>();
        check.get("brokenAccounts").forEach(broken -> {
            brokenAt.put(broken.get("accountId").asText(), broken.get("brokenAt").asLong());
            assertThat(broken.get("reason").asText()).isNotBlank();
            // other tests of this context tamper with accounts too: each must be broken there for /integrity as well
            IntegrityReport alone = integrity.verify(UUID.fromString(broken.get("accountId").asText()));
            assertThat(alone.intact()).isFalse();
            assertThat(alone.brokenAt()).isEqualTo(broken.get("brokenAt").asLong());
            assertThat(alone.reason()).isEqualTo(broken.get("reason").asText());
        });
        assertThat(brokenAt).containsEntry(edited, 2L).containsEntry(gap, 1L).doesNotContainKey(untouched)
                .hasSize(check.get("broken").asInt());

        JsonNode latest = admin.get(CHECKS).body();
        assertThat(latest.get(0).get("checkId").asText()).as("newest first").isEqualTo(checkId);
        System.out.println("integrity check of the test store: " + check.get("accountsVerified") + " accounts, "
                + check.get("eventsVerified") + " events, " + check.get("eventsPerSecond") + " events/s: "
                + check);
    }

    @Test
    void onlyAdminsMayAndIdsAreChecked() {
        for (Role role : List.of(Role.WRITER, Role.READER, Role.AUDITOR)) {
            Api someone = Api.withToken("http://127.0.0.1:" + port, TestTokens.token("rita", role));
            for (Api.Reply refused : List.of(someone.post(CHECKS, ""), someone.get(CHECKS),
                    someone.get(CHECKS + "/" + UUID.randomUUID()))) {
                assertThat(refused.status()).as(role.name()).isEqualTo(403);
                assertThat(refused.contentType()).startsWith("application/problem+json");
                assertThat(refused.body().get("requiredRole").asText()).isEqualTo("admin");
            }
        }

        Api.Reply malformed = admin.get(CHECKS + "/not-a-check");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        assertThat(malformed.body().get("type").asText()).isEqualTo("/problems/invalid-parameter");
        assertThat(malformed.body().get("detail").asText()).contains("not-a-check").contains("a UUID");

        UUID unknown = UUID.randomUUID();
        Api.Reply notFound = admin.get(CHECKS + "/" + unknown);
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.contentType()).startsWith("application/problem+json");
        assertThat(notFound.body().get("type").asText()).isEqualTo("/problems/integrity-check-not-found");
        assertThat(notFound.body().get("detail").asText()).contains(unknown.toString());
        System.out.println("GET " + CHECKS + "/not-a-check -> 400 " + malformed.raw().body());
        System.out.println("GET " + CHECKS + "/" + unknown + " -> 404 " + notFound.raw().body());
    }
}
