package com.relationship.security;

import com.relationship.security.test.ConfigurationMetadata;
import org.junit.jupiter.api.Test;

/** The token settings complete and explain themselves in an IDE (spring-configuration-metadata.json). */
class ConfigurationMetadataTest {

    @Test
    void everySettingIsDescribed() {
        ConfigurationMetadata.assertEverySettingIsDescribed("com.relationship.security");
    }
}
