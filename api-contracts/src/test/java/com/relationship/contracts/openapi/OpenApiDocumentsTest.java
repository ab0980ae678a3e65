package com.relationship.contracts.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.relationship.contracts.ContractJson;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a team generating a client from the checked-in OpenAPI documents gets: operation ids that read as
 * method names (no springdoc {@code _1} suffixes), and typed errors: every operation lists its
 * problem+json answers against the one Problem schema, and every one behind the token check its 401 and 403;
 * and real media types, streams described as the text they are, no Spring type posing as a schema. The
 * rest of what a consuming team's linters ask is checked by Spectral and Redocly (api-contracts/lint).
 */
class OpenApiDocumentsTest {

    private static final String DOCUMENTS = "src/main/resources/openapi/";
    /** Streams, written as they come: their schema is a string (with a description and an example). */
    private static final Set<String> STREAMED = Set.of("text/event-stream", "application/x-ndjson");
    /** Spring's return types for streamed answers, which springdoc would otherwise describe as objects. */
    private static final Set<String> SPRING_TYPES = Set.of("SseEmitter", "ResponseBodyEmitter",
            "StreamingResponseBody", "DeferredResult", "ResponseEntity", "Resource", "InputStreamResource");

    private static JsonNode document(String name) throws IOException {
        return ContractJson.newObjectMapper().readTree(Path.of(DOCUMENTS, name).toFile());
    }

    private static List<JsonNode> operations(JsonNode document) {
        List<JsonNode> operations = new ArrayList<>();
        document.get("paths").forEach(path -> path.forEach(operations::add));
        return operations;
    }

    @ParameterizedTest
    @ValueSource(strings = {"relationship-service.json", "projection-service.json"})
    void operationIdsAreUniqueMethodNames(String name) throws IOException {
        Set<String> seen = new HashSet<>();
        for (JsonNode operation : operations(document(name))) {
            String id = operation.path("operationId").asText();
            assertThat(id).as("operation id").matches("[a-z][A-Za-z0-9]*");
            assertThat(seen.add(id)).as("operation id %s is unique", id).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"relationship-service.json", "projection-service.json"})
    void everyOperationListsItsProblemAnswers(String name) throws IOException {
        JsonNode document = document(name);
        JsonNode problem = document.at("/components/schemas/Problem");
        assertThat(problem.path("properties").has("type")).as("the Problem schema").isTrue();
        assertThat(problem.path("required").toString()).contains("type", "title", "status");
        for (JsonNode operation : operations(document)) {
            String id = operation.path("operationId").asText();
            List<String> errors = new ArrayList<>();
            operation.get("responses").fields().forEachRemaining(response -> {
                if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                    errors.add(response.getKey());
                    assertThat(response.getValue().at("/content/application~1problem+json/schema/$ref").asText())
                            .as("%s %s", id, response.getKey()).isEqualTo("#/components/schemas/Problem");
                    assertThat(response.getValue().path("description").asText()).as("%s %s", id, response.getKey())
                            .isNotBlank();
                }
            });
            boolean open = operation.has("security") && operation.get("security").isEmpty();
            if (!open) {
                assertThat(errors).as("%s is behind the token check", id).contains("401", "403");
            }
            assertThat(errors).as("%s lists its errors", id).isNotEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"relationship-service.json", "projection-service.json"})
    void everyAnswerHasARealMediaTypeAndStreamsAreText(String name) throws IOException {
        JsonNode document = document(name);
        List<String> schemas = new ArrayList<>();
        document.at("/components/schemas").fieldNames().forEachRemaining(schemas::add);
        assertThat(schemas).as("schemas").doesNotContainAnyElementsOf(SPRING_TYPES);
        for (JsonNode operation : operations(document)) {
            String id = operation.path("operationId").asText();
            List<JsonNode> contents = new ArrayList<>();
            contents.add(operation.path("requestBody").path("content"));
            operation.get("responses").forEach(response -> contents.add(response.path("content")));
            for (JsonNode content : contents) {
                content.fields().forEachRemaining(media -> {
                    assertThat(media.getKey()).as("%s media type", id).doesNotContain("*");
                    if (STREAMED.contains(media.getKey())) {
                        JsonNode schema = media.getValue().path("schema");
                        assertThat(schema.path("type").asText()).as("%s %s schema", id, media.getKey())
                                .isEqualTo("string");
                        assertThat(schema.path("description").asText()).as("%s %s", id, media.getKey()).isNotBlank();
                        assertThat(media.getValue().path("examples").size()).as("%s %s examples", id, media.getKey())
                                .isPositive();
                    }
                });
            }
        }
    }
}
