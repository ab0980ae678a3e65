package com.relationship.contracts.asyncapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The AsyncAPI document of every topic ({@value #DOCUMENT} in api-contracts), and the check of a
 * real Kafka record against it: the channel whose address is the record's topic, the message of
 * that channel the record is (by its CloudEvent {@code type} where the channel carries several),
 * its key against the message's Kafka key schema and its value against the message's payload,
 * with every {@code $ref} of the document followed (its own components, and the JSON Schemas
 * beside it under {@code schemas/}); and the check of the document's own examples the same way
 * ({@link #validateExamples(String)}). Shared through api-contracts' test-jar, so the system test
 * checks the messages it took from the broker with the same code as the unit tests.
 */
public final class AsyncApiContract {

    public static final String DOCUMENT = "asyncapi/relationship-topics.asyncapi.json";
    private static final String DIRECTORY = "asyncapi/";

    private static final ObjectMapper JSON = new ObjectMapper();
    private final SchemaRegistry schemas = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
    private final JsonNode document;
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

    private AsyncApiContract(JsonNode document) {
        this.document = document;
    }

    public static AsyncApiContract load() {
        return new AsyncApiContract(resource(DOCUMENT));
    }

    /** The contract of another document (a broken copy, in a test), whose files beside it are ours. */
    static AsyncApiContract of(JsonNode document) {
        return new AsyncApiContract(document);
    }

    public JsonNode document() {
        return document;
    }

    /** The channel whose address is {@code topic}. */
    public Optional<JsonNode> channel(String topic) {
        for (JsonNode channel : document.path("channels")) {
            if (topic.equals(channel.path("address").asText())) {
                return Optional.of(channel);
            }
        }
        return Optional.empty();
    }

    /** The messages of the channel of {@code topic}, by their {@code name}, each resolved. */
    public List<JsonNode> messages(String topic) {
        List<JsonNode> messages = new ArrayList<>();
        channel(topic).ifPresent(channel -> channel.path("messages").forEach(m -> messages.add(resolve(m))));
        return messages;
    }

    /** What is wrong with a record of {@code topic} by the document; empty when it conforms. */
    public List<String> validate(String topic, String key, byte[] value) {
        if (channel(topic).isEmpty()) {
            return List.of("no channel has the address " + topic);
        }
        JsonNode payload;
        try {
            payload = JSON.readTree(value);
        } catch (IOException e) {
            return List.of(topic + ": the value is not JSON: " + e.getMessage());
        }
        Optional<JsonNode> message = messageOf(topic, payload);
        if (message.isEmpty()) {
            return List.of(topic + ": no message of its channel is named " + payload.path("type").asText("(no type)"));
        }
        String name = message.get().path("name").asText();
        List<String> errors = new ArrayList<>();
        JsonNode keySchema = message.get().path("bindings").path("kafka").path("key");
        if (!keySchema.isMissingNode()) {
            errors.addAll(check(topic + " " + name + " key", keySchema, key == null ? null : TextNode.valueOf(key)));
        }
        errors.addAll(check(topic + " " + name + " value", message.get().path("payload"), payload));
        return errors;
    }

    /**
     * What is wrong with the examples of the messages of {@code topic}'s channel, each checked against
     * its own message: its payload against the payload schema, its headers against the headers schema.
     * A message without an example, an example without a payload, and headers where the message
     * declares none are wrong too. Empty when every example conforms.
     */
    public List<String> validateExamples(String topic) {
        List<String> errors = new ArrayList<>();
        for (JsonNode message : messages(topic)) {
            String name = message.path("name").asText();
            JsonNode examples = message.path("examples");
            if (!examples.isArray() || examples.isEmpty()) {
                errors.add(topic + " " + name + ": no example");
                continue;
            }
            for (JsonNode example : examples) {
                String what = topic + " " + name + " example " + example.path("name").asText("(unnamed)");
                errors.addAll(check(topic + " " + name + " value", message.path("payload"), example.get("payload"), what + " payload"));
                JsonNode headers = example.get("headers");
                if (headers != null && message.path("headers").isMissingNode()) {
                    errors.add(what + ": has headers, but the message declares none");
                } else if (headers != null) {
                    errors.addAll(check(topic + " " + name + " headers", message.path("headers"), headers, what + " headers"));
                }
            }
        }
        return errors;
    }

    private Optional<JsonNode> messageOf(String topic, JsonNode payload) {
        List<JsonNode> messages = messages(topic);
        if (messages.size() == 1) {
            return Optional.of(messages.get(0));
        }
        String type = payload.path("type").asText();
        return messages.stream().filter(m -> type.equals(m.path("name").asText())).findFirst();
    }

    private List<String> check(String what, JsonNode schemaNode, JsonNode instance) {
        return check(what, schemaNode, instance, what);
    }

    /** {@code instance} against the schema of a message's {@code part}; each error starts with {@code what}. */
    private List<String> check(String part, JsonNode schemaNode, JsonNode instance, String what) {
        if (instance == null) {
            return List.of(what + ": missing");
        }
        // Compiled once per message part: a system test checks every record of a topic.
        Schema schema = compiled.computeIfAbsent(part, p -> schemas.getSchema(inline(schemaNode, document)));
        List<Error> errors = schema.validate(instance, context -> context.executionConfig(c -> c.formatAssertionsEnabled(true)));
        return errors.stream().map(e -> what + ": " + e.getInstanceLocation() + " " + e.getMessage()).toList();
    }

    /**
     * {@code node} with every {@code $ref} replaced by what it points to, recursively: a pointer
     * ({@code #/...}) into {@code base}, the document it was written in, or a file beside the
     * AsyncAPI document, whose own pointers then point into it.
     */
    private JsonNode inline(JsonNode node, JsonNode base) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual()) {
                String target = ref.asText();
                if (target.startsWith("#")) {
                    return inline(pointer(base, target), base);
                }
                JsonNode file = file(target);
                return inline(file, file);
            }
            ObjectNode copy = JSON.createObjectNode();
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                // $defs are inlined where they are used; ids would make the validator look them up.
                if (!Set.of("$id", "$schema", "$defs", "definitions").contains(field.getKey())) {
                    copy.set(field.getKey(), inline(field.getValue(), base));
                }
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JSON.createArrayNode();
            node.forEach(element -> copy.add(inline(element, base)));
            return copy;
        }
        return node;
    }

    /** What a {@code $ref} object of the AsyncAPI document points to; other nodes as they are. */
    private JsonNode resolve(JsonNode node) {
        JsonNode ref = node.get("$ref");
        if (ref == null || !ref.isTextual()) {
            return node;
        }
        String target = ref.asText();
        return target.startsWith("#") ? pointer(document, target) : file(target);
    }

    private static JsonNode pointer(JsonNode base, String target) {
        JsonNode found = base.at(target.substring(1));
        if (found.isMissingNode()) {
            throw new IllegalStateException(target + " points nowhere in " + base.path("$id").asText(DOCUMENT));
        }
        return found;
    }

    /** A file named relative to the AsyncAPI document's directory, from the classpath. */
    private static JsonNode file(String target) {
        String path = DIRECTORY + target;
        while (path.contains("/../")) {
            path = path.replaceFirst("[^/]+/\\.\\./", "");
        }
        return resource(path);
    }

    private static JsonNode resource(String path) {
        try (InputStream in = AsyncApiContract.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("not on the classpath: " + path);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
