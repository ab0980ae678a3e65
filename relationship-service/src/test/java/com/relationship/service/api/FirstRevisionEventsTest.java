package com.relationship.service.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.relationship.contracts.ContractJson;
import com.relationship.contracts.events.PurchaseRecorded;
import com.relationship.service.audit.StoredChains;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store written before purchases named their currency: PurchaseRecorded documents at revision 1
 * without {@code currency}, hash-chained as that version chained them. The account is loaded,
 * folded, audited and commanded as if it were written today; the purchases read in the configured
 * default currency (EUR), and the stored documents, never rewritten, still verify.
 */
class FirstRevisionEventsTest extends EmbeddedServiceTest {

    private static final ObjectMapper JSON = ContractJson.newObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate axonMongoTemplate;

    /**
     * The stored documents of a template account, written anew under a fresh account id as the
     * first version stored them: never loaded by this service yet, so nothing of it is cached.
     */
    private String storedByTheFirstVersion(Api api) throws Exception {
        String template = api.post("/accounts", Map.of("name", "Vandelay", "industry", "Import",
                "employeeCount", 12, "region", "EMEA", "classification", "TACTICAL")).body().get("accountId").asText();
        String a = "/accounts/" + template;
        Map<String, Object> purchase = Map.of("amount", "75.00", "currency", "EUR",
                "occurredAt", "2026-04-01T09:00:00Z", "description", "latex");
        assertThat(api.post(a + "/purchases", purchase).status()).isEqualTo(200);
        assertThat(api.post(a + "/lifecycle/advance", Map.of("targetStage", "CUSTOMER")).status()).isEqualTo(200);
        assertThat(api.post(a + "/purchases", purchase).status()).isEqualTo(200);
        assertThat(api.post(a + "/purchases", purchase).status()).isEqualTo(200);

        MongoCollection<Document> events = axonMongoTemplate.eventCollection();
        String old = UUID.randomUUID().toString();
        List<Document> copies = new ArrayList<>();
        for (Document stored : events.find(Filters.eq("aggregateIdentifier", template))) {
            Document copy = new Document(stored);
            copy.remove("_id");
            copy.put("aggregateIdentifier", old);
            copy.put("eventIdentifier", UUID.randomUUID().toString());
            String payload = stored.getString("serializedPayload").replace(template, old);
            if (PurchaseRecorded.class.getName().equals(stored.getString("payloadType"))) {
                assertThat(stored.getString("payloadRevision")).as("today's stored form").isEqualTo("2");
                ObjectNode first = (ObjectNode) JSON.readTree(payload);
                first.remove("currency");
                payload = JSON.writeValueAsString(first);
                copy.put("payloadRevision", "1");
            }
            copy.put("serializedPayload", payload);
            copies.add(copy);
        }
        events.insertMany(copies);
        StoredChains.rechain(events, old);
        assertThat(events.countDocuments(Filters.and(Filters.eq("aggregateIdentifier", old),
                Filters.eq("payloadRevision", "1"), Filters.regex("serializedPayload", "currency")))).isZero();
        return old;
    }

    @Test
    void anAccountStoredWithFirstRevisionPurchasesIsFoldedAuditedAndCommandedAsToday() throws Exception {
        Api api = new Api("http://127.0.0.1:" + port + "/api/v1", "grace@audit");
        String id = storedByTheFirstVersion(api);
        String a = "/accounts/" + id;

        JsonNode integrity = api.get(a + "/integrity").body();
        assertThat(integrity.get("intact").asBoolean()).as(String.valueOf(integrity)).isTrue();

        JsonNode history = api.get(a + "/history?type=PurchaseRecorded").body().get("items");
        assertThat(history).hasSize(3);
        history.forEach(purchase -> {
            assertThat(purchase.get("type").asText()).isEqualTo("com.relationship.account.PurchaseRecorded.v1");
            assertThat(purchase.get("payload").get("currency").asText()).isEqualTo("EUR");
            assertThat(purchase.get("payload").get("amount").decimalValue()).isEqualByComparingTo("75.00");
        });

        JsonNode state = api.get(a + "/state?version=4").body();
        assertThat(state.get("stage").asText()).as(String.valueOf(state)).isEqualTo("CUSTOMER");

        // The aggregate loads through the same upcaster: two repeat purchases are the evidence CLIENT needs.
        Api.Reply advanced = api.post(a + "/lifecycle/advance", Map.of("targetStage", "CLIENT"));
        assertThat(advanced.status()).as(String.valueOf(advanced.body())).isEqualTo(200);
        assertThat(advanced.body().get("version").asLong()).isEqualTo(5);
        assertThat(api.get(a + "/integrity").body().get("intact").asBoolean()).isTrue();
    }
}
