package com.relationship.projection;

import com.relationship.security.test.ConfigurationMetadata;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

/** Every setting of the service completes and explains itself in an IDE (spring-configuration-metadata.json). */
class ConfigurationMetadataTest {

    @Test
    void everySettingIsDescribed() {
        ConfigurationMetadata.assertEverySettingIsDescribed("com.relationship.projection");
    }

    /** The settings the documentation names exist: a renamed setting fails here, not in a reader's deployment. */
    @Test
    void everySettingTheDocumentationNamesExists() {
        ConfigurationMetadata.assertDocumentedSettingsAreKnown(Path.of("../docs/configuration.md"), "projection.");
        ConfigurationMetadata.assertDocumentedSettingsAreKnown(Path.of("../docs/read-models.md"), "projection.");
    }
}
