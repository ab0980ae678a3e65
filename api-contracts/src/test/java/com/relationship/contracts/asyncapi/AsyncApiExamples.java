package com.relationship.contracts.asyncapi;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.relationship.contracts.ContractJson;
import com.relationship.contracts.churn.ChurnRiskChanged;
import com.relationship.contracts.value.AccountValueCodec;
import com.relationship.contracts.value.AccountValueTierChanged;
import com.relationship.contracts.referencedata.ActivityRatesSet;
import com.relationship.contracts.referencedata.ExchangeRatesSet;
import com.relationship.contracts.referencedata.ReferenceDataCodec;
import com.relationship.contracts.churn.ChurnRiskCodec;
import com.relationship.contracts.events.AccountEventCodec;
import com.relationship.contracts.events.AccountEventEnvelope;
import com.relationship.contracts.events.AccountEventTypes;
import com.relationship.contracts.events.AccountRegistered;
import com.relationship.contracts.status.AccountStatus;
import com.relationship.contracts.status.StatusHeaders;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The examples every message of the AsyncAPI document carries, made from the golden files
 * ({@code src/test/resources/golden}), so they are what the code writes: an account event is the
 * envelope's golden file ({@code envelope/with-reason-and-client.json}) with the event's type and
 * its golden data; the status is its golden file as published now and in its first form (still on
 * the compacted topic for an account that has not changed since); the churn change is its golden
 * file through {@link ChurnRiskCodec}; a dead letter is the golden envelope as the read model
 * refused it. {@code AsyncApiDocumentTest} fails when the document's examples differ, and
 * rewrites them with {@value #REWRITE_FLAG}.
 */
final class AsyncApiExamples {

    static final String REWRITE_FLAG = "-Dasyncapi.write=true";
    static final String REWRITE = "./mvnw -pl api-contracts -am verify -Dtest=AsyncApiDocumentTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false " + REWRITE_FLAG;
    static final Path FILE = Path.of("src/main/resources").resolve(AsyncApiContract.DOCUMENT);
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final ObjectMapper JSON = ContractJson.newObjectMapper();

    /** The document's own layout (two spaces, {@code "key": value}, {@code []}), so a rewrite changes only the examples. */
    private static final DefaultPrettyPrinter LAYOUT = new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    private AsyncApiExamples() {
    }

    /** The document as checked in, with its decimals as written. */
    static ObjectNode document() throws IOException {
        return (ObjectNode) JSON.readTree(FILE.toFile());
    }

    /** The examples of each message, by its key under {@code components/messages}. */
    static Map<String, ArrayNode> fromGoldenFiles() throws IOException {
        Map<String, ArrayNode> examples = new LinkedHashMap<>();
        ObjectNode envelope = golden("envelope/with-reason-and-client.json");
        for (Class<?> type : AccountEventTypes.all()) {
            String name = AccountEventTypes.typeOf(type);
            examples.put(type.getSimpleName(), JSON.createArrayNode().add(example(
                    lowerCamel(type.getSimpleName()),
                    type.getSimpleName() + " as relationship-service relays it: the CloudEvent envelope with the"
                            + " event in data.",
                    Map.of("content-type", AccountEventCodec.CONTENT_TYPE),
                    event(envelope, name, golden(name + ".json"), type == AccountRegistered.class))));
        }

        examples.put("AccountStatus", JSON.createArrayNode()
                .add(example("lapsedKeyAccount", "The status of a key account that lapsed from CLIENT, every field set,"
                                + " as published now.", StatusHeaders.all(), golden(AccountStatus.SCHEMA + ".json")))
                .add(example("firstForm", "A status published before bondingLevel, bondStrength, churnScore, churnBand,"
                                + " lastInteraction, standingAt and complianceHold were added: still the latest on the"
                                + " compacted topic for an account that has not changed since.", StatusHeaders.all(),
                        golden(AccountStatus.SCHEMA + ".first-form.json"))));

        ChurnRiskChanged change = JSON.treeToValue(golden(ChurnRiskChanged.SCHEMA + ".json"), ChurnRiskChanged.class);
        examples.put("ChurnRiskChanged", JSON.createArrayNode().add(example("bandRaised",
                "The band rose from MEDIUM to HIGH as time passed without a two-way interaction.",
                Map.of("content-type", ChurnRiskCodec.CONTENT_TYPE),
                JSON.readTree(new ChurnRiskCodec().encode(ChurnRiskCodec.idOf(change), change)))));

        AccountValueTierChanged tier = JSON.treeToValue(golden(AccountValueTierChanged.SCHEMA + ".json"),
                AccountValueTierChanged.class);
        examples.put("AccountValueTierChanged", JSON.createArrayNode().add(example("tierRaised",
                "The account's third change of tier: its score rose and took it from MGC into the top 10%.",
                Map.of("content-type", AccountValueCodec.CONTENT_TYPE), JSON.readTree(new AccountValueCodec().encode(tier)))));

        ReferenceDataCodec referenceData = new ReferenceDataCodec();
        ExchangeRatesSet rates = JSON.treeToValue(golden(ExchangeRatesSet.SCHEMA + ".json"), ExchangeRatesSet.class);
        examples.put("ExchangeRatesSet", JSON.createArrayNode().add(example("correctedRates",
                "The second version of January's rates: an admin corrected the first.",
                Map.of("content-type", ReferenceDataCodec.CONTENT_TYPE), JSON.readTree(referenceData.encode(rates)))));
        ActivityRatesSet card = JSON.treeToValue(golden(ActivityRatesSet.SCHEMA + ".json"), ActivityRatesSet.class);
        examples.put("ActivityRatesSet", JSON.createArrayNode().add(example("rateCard2026",
                "The rate card that prices the cost to serve from January 2026 on.",
                Map.of("content-type", ReferenceDataCodec.CONTENT_TYPE), JSON.readTree(referenceData.encode(card)))));

        examples.put("DeadLetter", JSON.createArrayNode().add(example("beforeRegistration",
                "The status read model could not fold an event that came before the account's registration.",
                deadLetterHeaders(envelope), envelope)));
        return examples;
    }

    /** The golden envelope carrying {@code data} as event {@code type}. */
    private static ObjectNode event(ObjectNode envelope, String type, JsonNode data, boolean registration) {
        ObjectNode event = envelope.deepCopy();
        event.put("type", type);
        // The command's reason or rationale travels as the reason extension; a command without one has none.
        JsonNode reason = data.has("reason") ? data.get("reason") : data.get("rationale");
        if (reason != null && reason.isTextual()) {
            event.put(AccountEventEnvelope.REASON, reason.asText());
        } else {
            event.remove(AccountEventEnvelope.REASON);
        }
        if (registration) {
            event.put(AccountEventEnvelope.SEQUENCE, "0");
            // A registration is dated when the relationship began, where it says so.
            if (data.hasNonNull("relationshipSince")) {
                event.put(AccountEventEnvelope.BUSINESS_TIME, data.get("relationshipSince").asText());
            }
        }
        event.set("data", data);
        return event;
    }

    /** As projection-service's KafkaErrorHandling writes them for the refused {@code envelope}. */
    private static Map<String, String> deadLetterHeaders(ObjectNode envelope) {
        String account = envelope.path("subject").asText();
        String sequence = envelope.path(AccountEventEnvelope.SEQUENCE).asText();
        String id = envelope.path("id").asText();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("projection-dlt-read-model", "account-status");
        headers.put("projection-dlt-reason", "account " + account + ": event " + envelope.path("type").asText()
                + " (sequence " + sequence + ", id " + id + ") comes before the account's registration");
        headers.put("projection-dlt-reason-type", "InconsistentEventStreamException");
        headers.put("projection-dlt-account-id", account);
        headers.put("projection-dlt-sequence", sequence);
        headers.put("projection-dlt-event-id", id);
        return headers;
    }

    private static ObjectNode example(String name, String summary, Map<String, String> headers, JsonNode payload) {
        ObjectNode example = JSON.createObjectNode().put("name", name).put("summary", summary);
        ObjectNode headerNode = example.putObject("headers");
        headers.forEach(headerNode::put);
        example.set("payload", payload);
        return example;
    }

    /** Sets each message's examples to {@code examples} and writes the document in its own layout. */
    static void rewrite(Map<String, ArrayNode> examples) throws IOException {
        ObjectNode document = document();
        ObjectNode messages = (ObjectNode) document.path("components").path("messages");
        examples.forEach((key, value) -> {
            if (!(messages.get(key) instanceof ObjectNode message)) {
                throw new IllegalStateException("components/messages has no " + key + ": add its message by hand,"
                        + " as its neighbours are, then write its examples");
            }
            message.set("examples", value);
        });
        Files.writeString(FILE, JSON.writer(LAYOUT).writeValueAsString(document) + "\n");
    }

    private static ObjectNode golden(String file) throws IOException {
        return (ObjectNode) JSON.readTree(GOLDEN.resolve(file).toFile());
    }

    private static String lowerCamel(String name) {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
