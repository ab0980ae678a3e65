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
