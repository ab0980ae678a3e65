package com.relationship.contracts.asyncapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.relationship.contracts.ContractJson;
import com.relationship.contracts.Topics;
import com.relationship.contracts.churn.ChurnRiskChanged;
import com.relationship.contracts.churn.ChurnRiskCodec;
import com.relationship.contracts.events.AccountEventCodec;
import com.relationship.contracts.events.AccountEventTypes;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AsyncAPI document is valid AsyncAPI 3.0.0 (the official JSON Schema, vendored), names every
 * topic and every event type, and {@link AsyncApiContract} accepts the messages our codecs write
 * and refuses broken ones, saying why. The system test checks real records from the broker with
 * the same contract ({@code SystemScenario}).
 */
class AsyncApiDocumentTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final String ACCOUNT = "5b0c1f9e-7d53-4c4e-9a51-2f7c3b7f0a11";

    private final ObjectMapper json = ContractJson.newObjectMapper();
    private final AsyncApiContract contract = AsyncApiContract.load();

    @Test
    void theDocumentIsValidAsyncApi300() throws IOException {
        JsonNode specification = json.readTree(Path.of("src/test/resources/asyncapi/asyncapi-3.0.0.schema.json").toFile());
        List<Error> errors = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(specification)
                .validate(contract.document());

        assertThat(errors).as("against the AsyncAPI 3.0.0 JSON Schema").isEmpty();
        assertThat(contract.document().path("asyncapi").asText()).isEqualTo("3.0.0");
    }

    @Test
    void aDocumentThatBreaksTheSpecificationIsRefused() throws IOException {
        JsonNode specification = json.readTree(Path.of("src/test/resources/asyncapi/asyncapi-3.0.0.schema.json").toFile());
        ObjectNode broken = contract.document().deepCopy();
        ((ObjectNode) broken.path("operations").path("relayAccountEvents")).put("action", "publish"); // AsyncAPI 2 word

        assertThat(SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(specification).validate(broken))
                .isNotEmpty();
    }

    @Test
    void everyTopicHasAChannel() throws IllegalAccessException {
        List<String> topics = new ArrayList<>();
        for (Field field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                topics.add((String) field.get(null));
            }
        }
        assertThat(topics).isNotEmpty().allSatisfy(topic ->
                assertThat(contract.channel(topic)).as("channel of %s", topic).isPresent());
        // The read models' dead letters are internal, with no constant, and documented for operators.
        assertThat(contract.channel(Topics.ACCOUNT_EVENTS + ".DLT")).isPresent();
    }

    @Test
    void everyEventTypeHasAMessageOnTheEventsTopicWithItsSchema() {
        Set<String> types = AccountEventTypes.all().stream().map(AccountEventTypes::typeOf).collect(Collectors.toSet());
        List<JsonNode> messages = contract.messages(Topics.ACCOUNT_EVENTS);

        assertThat(messages.stream().map(m -> m.path("name").asText()).collect(Collectors.toSet())).isEqualTo(types);
        assertThat(messages).allSatisfy(message -> assertThat(message.path("payload").toString())
                .contains("../schemas/" + message.path("name").asText() + ".schema.json"));
    }

    @Test
    void everyGoldenEventInItsEnvelopeConforms() throws IOException {
        ObjectNode envelope = (ObjectNode) json.readTree(GOLDEN.resolve("envelope/with-reason-and-client.json").toFile());
        for (Class<?> type : AccountEventTypes.all()) {
            String name = AccountEventTypes.typeOf(type);
            ObjectNode message = envelope.deepCopy().put("type", name);
            message.set("data", json.readTree(GOLDEN.resolve(name + ".json").toFile()));

            assertThat(contract.validate(Topics.ACCOUNT_EVENTS, ACCOUNT, json.writeValueAsBytes(message))).as(name).isEmpty();
        }
    }

    @Test
    void whatTheCodecsWriteConforms() throws IOException {
        AccountEventCodec events = new AccountEventCodec();
        for (String golden : List.of("with-reason-and-client.json", "before-reason-and-client.json")) {
            byte[] written = events.encode(events.decode(Files.readAllBytes(GOLDEN.resolve("envelope").resolve(golden))));
            assertThat(contract.validate(Topics.ACCOUNT_EVENTS, ACCOUNT, written)).as(golden).isEmpty();
        }
        ChurnRiskChanged change = json.readValue(GOLDEN.resolve(ChurnRiskChanged.SCHEMA + ".json").toFile(),
                ChurnRiskChanged.class);
        byte[] churn = new ChurnRiskCodec().encode(ChurnRiskCodec.idOf(change), change);
        assertThat(contract.validate(Topics.CHURN_RISK, change.accountId().toString(), churn)).isEmpty();
        byte[] status = Files.readAllBytes(GOLDEN.resolve("com.relationship.status.AccountStatus.v1.json"));
        assertThat(contract.validate(Topics.ACCOUNT_STATUS, ACCOUNT, status)).isEmpty();
    }

    @Test
    void brokenMessagesAreRefusedWithTheReason() throws IOException {
        ObjectNode good = (ObjectNode) json.readTree(GOLDEN.resolve("envelope/with-reason-and-client.json").toFile());

        ObjectNode noAccount = good.deepCopy();
        ((ObjectNode) noAccount.get("data")).remove("accountId");
        assertThat(contract.validate(Topics.ACCOUNT_EVENTS, ACCOUNT, json.writeValueAsBytes(noAccount)))
                .anySatisfy(error -> assertThat(error).contains("AccountLapsed").contains("accountId"));

        ObjectNode noSequence = good.deepCopy();
        noSequence.remove("sequence");
        assertThat(contract.validate(Topics.ACCOUNT_EVENTS, ACCOUNT, json.writeValueAsBytes(noSequence)))
                .anySatisfy(error -> assertThat(error).contains("sequence"));

        ObjectNode unknownType = good.deepCopy().put("type", "com.relationship.account.AccountTeleported.v1");
        assertThat(contract.validate(Topics.ACCOUNT_EVENTS, ACCOUNT, json.writeValueAsBytes(unknownType)))
                .singleElement().asString().contains("AccountTeleported");

        assertThat(contract.validate(Topics.ACCOUNT_EVENTS, "not-an-account", json.writeValueAsBytes(good)))
                .anySatisfy(error -> assertThat(error).contains("key"));
        assertThat(contract.validate(Topics.ACCOUNT_EVENTS, ACCOUNT, "{not json".getBytes()))
                .singleElement().asString().contains("not JSON");
        assertThat(contract.validate("relationship.unknown.v1", ACCOUNT, json.writeValueAsBytes(good)))
                .singleElement().asString().contains("no channel");
    }
}
