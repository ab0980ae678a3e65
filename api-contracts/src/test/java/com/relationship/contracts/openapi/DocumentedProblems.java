package com.relationship.contracts.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.relationship.contracts.ContractJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The problem+json examples of a checked-in OpenAPI document, and the check that a service's real answer
 * is what they show: a generated client's typed errors, and a person reading the document, rely on an
 * example's type, title, status and extension members being the ones the service writes. The services'
 * tests provoke each documented type and hand the answer to {@link #assertAsDocumented}.
 */
public final class DocumentedProblems {

    private DocumentedProblems() {
    }

    /** One example: where it is in the document, and its body. */
    public record Example(String at, JsonNode body) {
        public String type() {
            return body.path("type").asText();
        }
    }

    /** Every problem+json example in the document, by problem type. */
    public static Map<String, List<Example>> examples(Path document) {
        JsonNode root;
        try {
            root = ContractJson.newObjectMapper().readTree(document.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, List<Example>> byType = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields(); operations.hasNext(); ) {
                Map.Entry<String, JsonNode> operation = operations.next();
                for (Iterator<Map.Entry<String, JsonNode>> responses = operation.getValue().path("responses").fields();
                     responses.hasNext(); ) {
                    Map.Entry<String, JsonNode> response = responses.next();
                    JsonNode example = response.getValue().path("content").path("application/problem+json").path("example");
                    if (!example.isMissingNode()) {
                        Example found = new Example(operation.getKey().toUpperCase() + " " + path.getKey() + " "
                                + response.getKey(), example);
                        byType.computeIfAbsent(found.type(), type -> new ArrayList<>()).add(found);
                    }
                }
            }
        }
        return byType;
    }

    /**
     * As {@link #assertAsDocumented(Path, JsonNode)}, for a problem as a service's exception carries it (a
     * Spring {@code ProblemDetail}, read through its getters), before the web layer writes it: its extension
     * members at the top, as the web layer writes them, and {@code instance}, which the web layer sets from
     * the request.
     */
    public static void assertProblemAsDocumented(Path document, Object problemDetail, String instance) {
        ObjectNode answer = ContractJson.newObjectMapper().valueToTree(problemDetail);
        JsonNode properties = answer.remove("properties");
        if (properties != null && properties.isObject()) {
            answer.setAll((ObjectNode) properties);
        }
        answer.put("instance", instance);
        assertAsDocumented(document, answer);
    }

    /**
     * Asserts that {@code answer}, a real problem+json body of the service, reads as every example of its
     * type in the document: the same status and title, and each member an example shows (its values may
     * differ: they are about another account). Fails when the document shows no example of the type.
     */
    public static void assertAsDocumented(Path document, JsonNode answer) {
        String type = answer.path("type").asText();
        List<Example> examples = examples(document).getOrDefault(type, List.of());
        assertThat(examples).as("%s documents no example of %s (answered %s)", document.getFileName(), type, answer)
                .isNotEmpty();
        for (Example example : examples) {
            assertThat(answer.path("status").asInt()).as("status of %s, as the example at %s", type, example.at())
                    .isEqualTo(example.body().path("status").asInt());
            assertThat(answer.path("title").asText()).as("title of %s, as the example at %s", type, example.at())
                    .isEqualTo(example.body().path("title").asText());
            List<String> shown = new ArrayList<>();
            example.body().fieldNames().forEachRemaining(shown::add);
            List<String> written = new ArrayList<>();
            answer.fieldNames().forEachRemaining(written::add);
            assertThat(written).as("members of %s %s, as the example at %s shows", type, answer, example.at())
                    .containsAll(shown);
        }
    }
}
