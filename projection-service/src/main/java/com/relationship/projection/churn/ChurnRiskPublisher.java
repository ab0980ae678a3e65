package com.relationship.projection.churn;

import com.relationship.contracts.churn.ChurnBand;
import com.relationship.contracts.churn.ChurnRiskChanged;
import com.relationship.contracts.churn.ChurnRiskCodec;
import com.relationship.projection.infra.ProjectionProperties;
import com.relationship.projection.ingest.EventTraces;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes a change of churn band to the compacted {@code relationship.churn-risk.v1} (key = account
 * id, value = a {@link ChurnRiskChanged} CloudEvent), for dashboards. Inside a Kafka transaction (the
 * record's, or the pass over time's) the send commits with the offset and the read-model write's
 * acknowledgement; without one it waits for the broker, like the status publisher.
 */
@Component
public class ChurnRiskPublisher implements ChurnBandChanges {

    private final KafkaTemplate<String, byte[]> kafka;
    private final ChurnRiskCodec codec = new ChurnRiskCodec();
    private final String topic;
    private final Duration ackTimeout;
    private final EventTraces traces;

    /** @param traces the trace of the event the band changed for, carried on as a {@code traceparent} header */
    public ChurnRiskPublisher(KafkaTemplate<String, byte[]> kafka, ProjectionProperties properties, EventTraces traces) {
        this.traces = traces;
        if (properties.topics().churnRisk().equals(properties.topics().events())) {
            throw new IllegalStateException("projection.topics.churn-risk must not be the events topic "
                    + properties.topics().events() + ": the read side never writes events");
        }
        this.kafka = kafka;
        this.topic = properties.topics().churnRisk();
        this.ackTimeout = properties.publish().ackTimeout();
    }

    @Override
    public void bandChanged(ChurnView before, ChurnView after) {
        publish(change(before == null ? null : before.score().band(), after));
    }

    @Override
    public void republish(ChurnView stored) {
        ChurnView.ScoreChange previous = stored.history().size() < 2 ? null
                : stored.history().get(stored.history().size() - 2);
        publish(change(previous == null ? null : previous.band(), stored));
    }

    /** The contract form of the view's current score. */
    static ChurnRiskChanged change(ChurnBand previousBand, ChurnView view) {
        ChurnScore score = view.score();
        ChurnView.ScoreChange last = view.history().isEmpty() ? null : view.history().get(view.history().size() - 1);
        ChurnRiskChanged.Cause cause = last == null ? new ChurnRiskChanged.Cause("EVENT", null)
                : new ChurnRiskChanged.Cause(last.cause().kind().name(), last.cause().eventId());
        return new ChurnRiskChanged(view.accountId(), score.score(), score.band(), previousBand, score.modelVersion(),
                score.at(), cause, score.factors().stream()
                .map(p -> new ChurnRiskChanged.FactorPoints(p.factor().name(), p.points(), p.reason(), p.eventIds()))
                .toList());
    }

    private void publish(ChurnRiskChanged change) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, change.accountId().toString(),
                codec.encode(ChurnRiskCodec.idOf(change), change));
        record.headers().add("content-type", ChurnRiskCodec.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        traces.inject(record.headers());
        if (kafka.inTransaction()) {
            kafka.send(record);
            return;
        }
        try {
            kafka.send(record).get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing the churn risk of " + change.accountId(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The churn-risk topic " + topic + " did not acknowledge the band of "
                    + change.accountId() + " within " + ackTimeout, e);
        }
    }
}
