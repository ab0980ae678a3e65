package com.relationship.projection.bonding;

import com.relationship.contracts.account.BondKind;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Binds as Boot does at start (the Binder alone, no context). */
class BondingPropertiesTest {

    static BondingProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("projection.bonding", BondingProperties.class);
    }

    @Test
    void theDefaultsAreTheModelsDefaults() {
        BondingProperties properties = bind(Map.of());
        assertThat(properties.toModel()).isEqualTo(BondingModel.defaults());
        assertThat(properties.historyCap()).isEqualTo(100);
    }

    @Test
    void aKindLeftOutKeepsItsDefault() {
        BondingModel model = bind(Map.of("projection.bonding.points.structural", "50")).toModel();
        assertThat(model.firstBondPoints()).containsEntry(BondKind.STRUCTURAL, 50).containsEntry(BondKind.SOCIAL, 20);
    }

    @Test
    void aNegativeValueFailsNamingTheProperty() {
        assertThatThrownBy(() -> bind(Map.of("projection.bonding.points.social", "-1")))
                .isInstanceOf(BindException.class).rootCause()
                .hasMessageContaining("projection.bonding.points.social must be 0 or more");
        assertThatThrownBy(() -> bind(Map.of("projection.bonding.history-cap", "0")))
                .isInstanceOf(BindException.class).rootCause()
                .hasMessageContaining("projection.bonding.history-cap");
    }
}
