package com.relationship.security.test;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What spring-boot-configuration-processor wrote for a module: every {@code @ConfigurationProperties}
 * type under a package has its group in {@code META-INF/spring-configuration-metadata.json}, and every
 * one of its settings a description (from the record's javadoc), so an IDE completes and explains them.
 */
public final class ConfigurationMetadata {

    private static final String METADATA = "META-INF/spring-configuration-metadata.json";

    private ConfigurationMetadata() {
    }

    /** Fails naming each properties type without metadata and each setting without a description. */
    public static void assertEverySettingIsDescribed(String basePackage) {
        Set<String> types = propertiesTypes(basePackage);
        assertThat(types).as("@ConfigurationProperties types under " + basePackage).isNotEmpty();
        Set<String> described = new TreeSet<>();
        Map<String, String> undescribed = new TreeMap<>();
        int settings = 0;
        for (JsonNode metadata : metadataOnTheClasspath()) {
            metadata.path("groups").forEach(group -> described.add(group.path("sourceType").asText()));
            for (JsonNode property : metadata.path("properties")) {
                String source = property.path("sourceType").asText();
                if (!source.startsWith(basePackage)) {
                    continue;
                }
                settings++;
                if (property.path("description").asText("").isBlank()) {
                    undescribed.put(property.path("name").asText(), source);
                }
            }
        }
        assertThat(described).as("properties types with metadata").containsAll(types);
        assertThat(settings).as("settings described under " + basePackage).isPositive();
        assertThat(undescribed).as("settings without a description (write an @param for each)").isEmpty();
    }

    /**
     * Every setting a documentation page names in its settings tables, under {@code prefix}, is one the
     * service knows: in the metadata on the classpath, or under a map-valued one (a key of
     * {@code projection.churn.weights}). A table's first column names settings in backticks; a header
     * {@code | property (`projection.churn.`) |} puts its prefix before each; siblings after the first,
     * {@code `a.b.c` / `d`}, replace its last part ({@code a.b.d}), unless they start as the first does
     * (then they are full names); a name ending in {@code .*} stands for any setting under it.
     */
    public static void assertDocumentedSettingsAreKnown(java.nio.file.Path page, String prefix) {
        Set<String> known = new TreeSet<>();
        Set<String> maps = new TreeSet<>();
        for (JsonNode metadata : metadataOnTheClasspath()) {
            for (JsonNode property : metadata.path("properties")) {
                known.add(property.path("name").asText());
                if (property.path("type").asText().startsWith("java.util.Map")) {
                    maps.add(property.path("name").asText());
                }
            }
        }
        List<String> documented = documentedSettings(page).stream().filter(name -> name.startsWith(prefix)).toList();
        assertThat(documented).as("settings under " + prefix + " that " + page + " names").isNotEmpty();
        List<String> unknown = documented.stream().filter(name -> !isKnown(name, known, maps)).toList();
        assertThat(unknown).as("settings " + page + " names that the service does not know (a renamed or removed"
                + " setting, or a typo in the page)").isEmpty();
    }

    private static boolean isKnown(String name, Set<String> known, Set<String> maps) {
        if (name.endsWith(".*")) {
            String under = name.substring(0, name.length() - 1);
            return known.stream().anyMatch(k -> k.startsWith(under));
        }
        return known.contains(name) || maps.stream().anyMatch(map -> name.startsWith(map + "."));
    }

    /** The settings the page's tables name, in full. */
    static List<String> documentedSettings(java.nio.file.Path page) {
        java.util.regex.Pattern header = java.util.regex.Pattern.compile("^\\| property \\((?:`([a-z0-9.-]+)`|env)\\) \\|");
        java.util.regex.Pattern token = java.util.regex.Pattern.compile("`([a-z0-9.*-]+)`");
        List<String> names = new ArrayList<>();
        String prefix = null;
        List<String> lines;
        try {
            lines = java.nio.file.Files.readAllLines(page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String line : lines) {
            java.util.regex.Matcher table = header.matcher(line);
            if (table.find()) {
                prefix = table.group(1) == null ? "" : table.group(1);
                continue;
            }
            if (!line.startsWith("|")) {
                prefix = null;
                continue;
            }
            if (prefix == null || line.startsWith("|---")) {
                continue;
            }
            String firstCell = line.substring(1, line.indexOf('|', 1) < 0 ? line.length() : line.indexOf('|', 1));
            java.util.regex.Matcher tokens = token.matcher(firstCell);
            String first = null;
            while (tokens.find()) {
                String name = tokens.group(1);
                if (first == null) {
                    first = prefix + name;
                    names.add(first);
                } else if (prefix.isEmpty() && name.startsWith(first.substring(0, first.indexOf('.') + 1))) {
                    names.add(name); // a full name of its own: `projection.churn.*`, `projection.bonding.*`
                } else {
                    String base = first.endsWith(".*") ? first.substring(0, first.length() - 2) : first;
                    names.add(base.substring(0, base.lastIndexOf('.') + 1) + name);
                }
            }
        }
        return names;
    }

    private static Set<String> propertiesTypes(String basePackage) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        Set<String> names = new TreeSet<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
            names.add(candidate.getBeanClassName());
        }
        return names;
    }

    private static List<JsonNode> metadataOnTheClasspath() {
        List<JsonNode> all = new ArrayList<>();
        JsonMapper json = JsonMapper.builder().build();
        try {
            for (URL url : Collections.list(ConfigurationMetadata.class.getClassLoader().getResources(METADATA))) {
                try (InputStream in = url.openStream()) {
                    all.add(json.readTree(in));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }
}
