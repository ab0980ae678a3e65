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
        // Version 1 with two weights moved so they still make 100 (30 + 20 + 15 + 15 + 10 + 10 → 40 ... 0).
        ChurnModel model = bind(Map.of("projection.churn.model-version", "1",
                "projection.churn.weights.indifference", "40", "projection.churn.weights.stage", "0",
                "projection.churn.cadence.partner", "3d")).toModel();
        assertThat(model.version()).isEqualTo("1");
        assertThat(model.generation()).isEqualTo(1);
        assertThat(model.weight(ChurnFactor.INDIFFERENCE)).isEqualTo(40);
        assertThat(model.weight(ChurnFactor.UNHEARD_VOICE)).as("version 1's default").isEqualTo(20);
        assertThat(model.contactCadence().get(LifecycleStage.PARTNER)).isEqualTo(Duration.ofDays(3));
        assertThat(model.contactCadence().get(LifecycleStage.CLIENT)).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void version2IsTheDefaultWithItsOwnWeightsAndSettings() {
        ChurnModel model = bind(Map.of("projection.churn.missing-data", "rescale",
                "projection.churn.survey-half-life", "90d")).toModel();
        assertThat(model.generation()).isEqualTo(2);
        assertThat(model.weight(ChurnFactor.SPEND_TREND)).isEqualTo(30);
        assertThat(model.judgement().missingData()).isEqualTo(ChurnModel.MissingData.RESCALE);
        assertThat(model.judgement().surveyHalfLife()).isEqualTo(Duration.ofDays(90));
    }

    @Test
    void aVersionWhoseFirstNumberPicksNoScoringFailsNamingTheProperty() {
        assertThatThrownBy(() -> bind(Map.of("projection.churn.model-version", "3")))
                .isInstanceOf(BindException.class).rootCause()
                .hasMessageContaining("projection.churn.model-version").hasMessageContaining("1 (order counts) or 2");
    }

    @Test
    void aPriorOutside0To1FailsNamingTheProperty() {
        assertThatThrownBy(() -> bind(Map.of("projection.churn.missing-data-prior", "1.5")))
                .isInstanceOf(BindException.class).rootCause()
                .hasMessageContaining("projection.churn.missing-data-prior");
    }

    @Test
    void bandsOutOfOrderFailNamingTheProperty() {
        assertThatThrownBy(() -> bind(Map.of("projection.churn.medium-from", "70")))
                .isInstanceOf(BindException.class).rootCause()
                .hasMessageContaining("projection.churn.high-from");
    }
}
