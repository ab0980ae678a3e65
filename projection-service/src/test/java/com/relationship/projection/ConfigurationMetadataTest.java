package com.relationship.projection;

import com.relationship.security.test.ConfigurationMetadata;
import org.junit.jupiter.api.Test;

/** Every setting of the service completes and explains itself in an IDE (spring-configuration-metadata.json). */
class ConfigurationMetadataTest {

    @Test
    void everySettingIsDescribed() {
        ConfigurationMetadata.assertEverySettingIsDescribed("com.relationship.projection");
    }
}
