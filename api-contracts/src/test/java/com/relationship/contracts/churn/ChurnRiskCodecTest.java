package com.relationship.contracts.churn;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChurnRiskCodecTest {

    private final ChurnRiskCodec codec = new ChurnRiskCodec();
    private final ChurnRiskChanged change = new ChurnRiskChanged(UUID.fromString("5b0c1f9e-7d53-4c4e-9a51-2f7c3b7f0a11"),
            64, ChurnBand.HIGH, ChurnBand.MEDIUM, "1", Instant.parse("2026-09-02T08:15:00.123456Z"),
            new ChurnRiskChanged.Cause("TIME", null),
            List.of(new ChurnRiskChanged.FactorPoints("INDIFFERENCE", 30, "No two-way interaction for 75 days.", List.of()),
                    new ChurnRiskChanged.FactorPoints("STAGE", 34, "A CUSTOMER is in the switching stage.", List.of("e-1"))));

    @Test
    void aChangeSurvivesTheCloudEventRoundTrip() {
        byte[] message = codec.encode(ChurnRiskCodec.idOf(change), change);

        assertThat(codec.decode(message)).isEqualTo(change);
        assertThat(new String(message, StandardCharsets.UTF_8))
                .contains("\"type\":\"com.relationship.churn.ChurnRiskChanged.v1\"")
                .contains("\"subject\":\"5b0c1f9e-7d53-4c4e-9a51-2f7c3b7f0a11\"")
                .contains("\"specversion\":\"1.0\"");
    }

    @Test
    void theSameChangeHasTheSameIdAndAnotherOneAnother() {
        assertThat(ChurnRiskCodec.idOf(change)).isEqualTo(ChurnRiskCodec.idOf(change))
                .isNotEqualTo(ChurnRiskCodec.idOf(new ChurnRiskChanged(change.accountId(), 65, change.band(),
                        change.previousBand(), "1", change.at(), change.cause(), change.factors())));
    }

    @Test
    void anotherTypeIsRefused() {
        byte[] event = ("{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/x\",\"type\":\"other\","
                + "\"datacontenttype\":\"application/json\",\"data\":{}}").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> codec.decode(event)).hasMessageContaining("Not a com.relationship.churn.ChurnRiskChanged.v1");
    }
}
