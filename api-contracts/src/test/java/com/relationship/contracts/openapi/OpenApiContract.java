package com.relationship.contracts.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.relationship.contracts.ContractJson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compares a service's live OpenAPI document with the one checked into api-contracts, the contract
 * other teams build clients from. Only what legitimately varies is normalised away: the
 * {@code servers} entry (it names the random test port). Every object's keys are sorted, so the
 * checked-in file is stable and its diffs readable. {@code -Dopenapi.write=true} rewrites the file.
 * Shipped to the services' tests in api-contracts' test-jar, which holds only this package.
 */
public final class OpenApiContract {

    private static final ObjectMapper JSON = ContractJson.newObjectMapper();

    private OpenApiContract() {
    }

    /**
     * @param liveDocument what {@code /v3/api-docs} answered
     * @param file         the checked-in document, relative to the module directory
     * @param regenerate   the command that rewrites it, for the failure message
     */
    public static void assertMatches(String liveDocument, Path file, String regenerate) throws IOException {
        JsonNode live = normalised(JSON.readTree(liveDocument));
        if (Boolean.getBoolean("openapi.write")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(live) + "\n");
        }
        assertThat(file).as("No checked-in OpenAPI document %s: write it with %s", file.normalize(), regenerate)
                .exists();
        List<String> differences = new ArrayList<>();
        diff("", JSON.readTree(file.toFile()), live, differences);
        assertThat(differences)
                .as("The live API differs from %s (JSON pointers, checked-in vs live). Other teams build clients"
                        + " from that file: if the change is deliberate and compatible, rewrite it with %s",
                        file.normalize(), regenerate)
                .isEmpty();
    }

    static JsonNode normalised(JsonNode document) {
        ((ObjectNode) document).remove("servers");
        return sorted(document);
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            new TreeSet<>(list(node.fieldNames())).forEach(name -> copy.set(name, sorted(node.get(name))));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JSON.createArrayNode();
            node.forEach(item -> copy.add(sorted(item)));
            return copy;
        }
        return node;
    }

    /** Adds the JSON pointers at which the two documents differ, at most 20. */
    private static void diff(String at, JsonNode expected, JsonNode actual, List<String> out) {
        if (out.size() >= 20 || expected.equals(actual)) {
            return;
        }
        if (expected.isObject() && actual.isObject()) {
            TreeSet<String> names = new TreeSet<>(list(expected.fieldNames()));
            names.addAll(list(actual.fieldNames()));
            for (String name : names) {
                String path = at + "/" + name.replace("~", "~0").replace("/", "~1");
                if (!expected.has(name)) {
                    out.add(path + " is new: " + abbreviated(actual.get(name)));
                } else if (!actual.has(name)) {
                    out.add(path + " is gone");
                } else {
                    diff(path, expected.get(name), actual.get(name), out);
                }
            }
        } else if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
            for (int i = 0; i < expected.size(); i++) {
                diff(at + "/" + i, expected.get(i), actual.get(i), out);
            }
        } else {
            out.add(at + " was " + abbreviated(expected) + ", is " + abbreviated(actual));
        }
    }

    private static String abbreviated(JsonNode node) {
        String text = node.toString();
        return text.length() > 160 ? text.substring(0, 157) + "..." : text;
    }

    private static List<String> list(Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
