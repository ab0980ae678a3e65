package com.relationship.contracts.referencedata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.relationship.contracts.ContractJson;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reference data as a CloudEvent: both kinds read back as written, the id the same for a re-send, nothing else read as one. */
class ReferenceDataCodecTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private final ObjectMapper json = ContractJson.newObjectMapper();
    private final ReferenceDataCodec codec = new ReferenceDataCodec();

    private <T> T golden(String schema, Class<T> type) throws IOException {
        return json.readValue(GOLDEN.resolve(schema + ".json").toFile(), type);
    }

    @Test
    void exchangeRatesAndARateCardReadBackAsTheyWereWritten() throws IOException {
        ExchangeRatesSet rates = golden(ExchangeRatesSet.SCHEMA, ExchangeRatesSet.class);
        ActivityRatesSet card = golden(ActivityRatesSet.SCHEMA, ActivityRatesSet.class);

        assertThat(codec.decode(codec.encode(rates))).isEqualTo(rates);
        assertThat(codec.decode(codec.encode(card))).isEqualTo(card);
        assertThat(codec.fromJson(rates.schema(), codec.toJson(rates))).isEqualTo(rates);
    }

    @Test
    void theEnvelopeNamesTheKeyAndAnIdThatIsTheSameForAReSend() throws IOException {
        ExchangeRatesSet rates = golden(ExchangeRatesSet.SCHEMA, ExchangeRatesSet.class);

        JsonNode envelope = json.readTree(codec.encode(rates));

        assertThat(envelope.get("type").asText()).isEqualTo(ExchangeRatesSet.SCHEMA);
        assertThat(envelope.get("subject").asText()).isEqualTo("exchange-rates:2026-01");
        assertThat(envelope.get("id").asText()).isEqualTo("exchange-rates:2026-01:2")
                .isEqualTo(json.readTree(codec.encode(rates)).get("id").asText());
        assertThat(envelope.get("source").asText()).isEqualTo(ReferenceDataCodec.SOURCE);
        assertThat(envelope.path("data").path("rates").path("USD").decimalValue()).isEqualByComparingTo("0.9215");
    }

    @Test
    void aCloudEventOfAnotherTypeIsNotReadAsReferenceData() {
        String churn = "{\"specversion\":\"1.0\",\"id\":\"x\",\"source\":\"/projection-service/churn-risk\","
                + "\"type\":\"com.relationship.churn.ChurnRiskChanged.v1\",\"subject\":\"s\",\"data\":{}}";

        assertThatThrownBy(() -> codec.decode(churn.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("Not a reference data type");
    }
}
