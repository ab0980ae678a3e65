package com.relationship.contracts.asyncapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.relationship.contracts.ContractJson;
import com.relationship.contracts.Topics;
import com.relationship.contracts.churn.ChurnRiskChanged;
import com.relationship.contracts.churn.ChurnRiskCodec;
import com.relationship.contracts.value.AccountValueCodec;
import com.relationship.contracts.value.AccountValueTierChanged;
import com.relationship.contracts.events.AccountEventCodec;
import com.relationship.contracts.events.AccountEventTypes;
import com.relationship.contracts.status.StatusHeaders;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AsyncAPI document is valid AsyncAPI 3.0.0 (the official JSON Schema, vendored), names every
 * topic and every event type, and {@link AsyncApiContract} accepts the messages our codecs write
 * and refuses broken ones, saying why. Every message carries examples made from the golden files,
 * each conforming to its message; the status message declares the headers its publisher sets; the
 * servers are the local stack's and production's. The system test checks real records from the
 * broker with the same contract ({@code SystemScenario}).
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
        AccountValueTierChanged tier = json.readValue(GOLDEN.resolve(AccountValueTierChanged.SCHEMA + ".json").toFile(),
                AccountValueTierChanged.class);
        assertThat(contract.validate(Topics.ACCOUNT_VALUE, tier.accountId().toString(), new AccountValueCodec().encode(tier)))
                .isEmpty();
        byte[] status = Files.readAllBytes(GOLDEN.resolve("com.relationship.status.AccountStatus.v1.json"));
        assertThat(contract.validate(Topics.ACCOUNT_STATUS, ACCOUNT, status)).isEmpty();
    }

    /**
     * Every message carries the examples its golden files give ({@link AsyncApiExamples}), so a
     * consumer sees what the code writes; rewritten with {@code -Dasyncapi.write=true}.
     */
    @Test
    void everyMessageCarriesTheExamplesOfItsGoldenFiles() throws IOException {
        Map<String, ArrayNode> expected = AsyncApiExamples.fromGoldenFiles();
        if (Boolean.getBoolean("asyncapi.write")) {
            AsyncApiExamples.rewrite(expected);
        }
        JsonNode messages = AsyncApiExamples.document().path("components").path("messages");

        assertThat(messages.fieldNames()).toIterable().containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((key, examples) -> assertThat(messages.path(key).path("examples"))
                .as("the examples of %s; after a deliberate change to a golden file: %s", key, AsyncApiExamples.REWRITE)
                .isEqualTo(examples));
    }

    @Test
    void everyExampleConformsToItsMessage() {
        List<String> addresses = new ArrayList<>();
        contract.document().path("channels").forEach(channel -> addresses.add(channel.path("address").asText()));

        assertThat(addresses).isNotEmpty().allSatisfy(topic ->
                assertThat(contract.validateExamples(topic)).as(topic).isEmpty());
        contract.document().path("components").path("messages").fields().forEachRemaining(message ->
                assertThat(message.getValue().path("examples")).as("examples of %s", message.getKey()).isNotEmpty());
    }

    @Test
    void brokenExamplesAreRefusedWithTheReason() {
        ObjectNode broken = contract.document().deepCopy();
        ObjectNode messages = (ObjectNode) broken.path("components").path("messages");
        ObjectNode classified = (ObjectNode) messages.path("AccountClassified").path("examples").path(0);
        ((ObjectNode) classified.path("payload").path("data")).put("classification", "IMPORTANT");
        ObjectNode status = (ObjectNode) messages.path("AccountStatus").path("examples").path(0);
        ((ObjectNode) status.path("headers")).put(StatusHeaders.SCHEMA, "com.relationship.status.AccountStatus.v2");
        ((ObjectNode) messages.path("ChurnRiskChanged")).remove("examples");
        AsyncApiContract brokenContract = AsyncApiContract.of(broken);

        assertThat(brokenContract.validateExamples(Topics.ACCOUNT_EVENTS)).singleElement().asString()
                .contains("AccountClassified.v1 example accountClassified payload").contains("classification");
        assertThat(brokenContract.validateExamples(Topics.ACCOUNT_STATUS)).singleElement().asString()
                .contains("example lapsedKeyAccount headers").contains(StatusHeaders.SCHEMA);
        assertThat(brokenContract.validateExamples(Topics.CHURN_RISK)).singleElement().asString().contains("no example");
    }

    /**
     * The status message declares exactly the headers {@link StatusHeaders} lists, which
     * projection-service's StatusPublisher sets (its test checks that side), each a string with its value.
     */
    @Test
    void theStatusMessageDeclaresTheHeadersThePublisherSets() {
        JsonNode message = contract.messages(Topics.ACCOUNT_STATUS).get(0);
        JsonNode headers = message.path("headers");

        assertThat(headers.path("type").asText()).isEqualTo("object");
        java.util.List<String> declared = new java.util.ArrayList<>(StatusHeaders.all().keySet());
        declared.add(StatusHeaders.TRACEPARENT); // optional: only a change caused by a traced event has it
        assertThat(headers.path("properties").fieldNames()).toIterable().containsExactlyElementsOf(declared);
        assertThat(headers.path("required")).extracting(JsonNode::asText)
                .containsExactlyElementsOf(StatusHeaders.all().keySet());
        StatusHeaders.all().forEach((name, value) -> {
            JsonNode header = headers.path("properties").path(name);
            assertThat(header.path("type").asText()).as(name).isEqualTo("string");
            assertThat(header.path("const").asText()).as(name).isEqualTo(value);
            assertThat(header.path("description").asText()).as(name).isNotBlank();
        });
        assertThat(message.path("examples")).allSatisfy(example ->
                assertThat(json.convertValue(example.path("headers"), Map.class)).isEqualTo(StatusHeaders.all()));
    }

    /** Beside the local stack's broker, production's: TLS and a SCRAM-SHA-512 login, as deploy/ sets it up. */
    @Test
    void aProductionServerStandsBesideTheLocalOne() {
        JsonNode servers = contract.document().path("servers");
        JsonNode production = servers.path("production");

        assertThat(servers.fieldNames()).toIterable().containsExactly("local-stack", "production");
        assertThat(servers.path("local-stack").path("protocol").asText()).isEqualTo("kafka");
        assertThat(production.path("protocol").asText()).isEqualTo("kafka-secure");
        assertThat(production.path("host").asText()).matches("[a-z0-9.-]+:[0-9]+");
        assertThat(production.path("description").asText()).contains("TLS", "SCRAM-SHA-512", "deploy/README.md");
        assertThat(production.path("security")).singleElement()
                .satisfies(scheme -> assertThat(contract.document().at(scheme.path("$ref").asText().substring(1))
                        .path("type").asText()).isEqualTo("scramSha512"));
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
