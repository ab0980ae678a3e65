package com.relationship.projection.churn;

import com.relationship.contracts.account.LifecycleStage;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Binds as Boot does at start (the Binder alone, no context). */
class ChurnPropertiesTest {

    static ChurnProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("projection.churn", ChurnProperties.class);
    }

    @Test
    void theDefaultsAreTheModelsDefaults() {
        ChurnProperties properties = bind(Map.of());
        assertThat(properties.toModel()).isEqualTo(ChurnModel.defaults());
        assertThat(properties.historyCap()).isEqualTo(200);
    }

    @Test
    void aPartialMapKeepsTheOtherDefaults() {
        ChurnModel model = bind(Map.of("projection.churn.model-version", "2",
                "projection.churn.weights.indifference", "40", "projection.churn.weights.stage", "0",
                "projection.churn.cadence.partner", "3d")).toModel();
        assertThat(model.version()).isEqualTo("2");
        assertThat(model.weight(ChurnFactor.INDIFFERENCE)).isEqualTo(40);
        assertThat(model.weight(ChurnFactor.UNHEARD_VOICE)).isEqualTo(20);
        assertThat(model.contactCadence().get(LifecycleStage.PARTNER)).isEqualTo(Duration.ofDays(3));
        assertThat(model.contactCadence().get(LifecycleStage.CLIENT)).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void weightsThatDoNotMake100FailNamingTheProperty() {
        assertThatThrownBy(() -> bind(Map.of("projection.churn.weights.indifference", "50")))
                .isInstanceOf(BindException.class).rootCause()
                .hasMessageContaining("projection.churn.weights must sum to 100").hasMessageContaining("120");
    }

    @Test
    void bandsOutOfOrderFailNamingTheProperty() {
        assertThatThrownBy(() -> bind(Map.of("projection.churn.medium-from", "70")))
                .isInstanceOf(BindException.class).rootCause()
                .hasMessageContaining("projection.churn.high-from");
    }
}
