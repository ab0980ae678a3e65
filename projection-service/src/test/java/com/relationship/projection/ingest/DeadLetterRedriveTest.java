package com.relationship.projection.ingest;

import com.relationship.contracts.events.AccountEventCodec;
import com.relationship.contracts.events.EnvelopedAccountEvent;
import com.relationship.contracts.events.UnknownAccountEventException;
import com.relationship.projection.readmodel.EventOrdering;
import com.relationship.projection.status.AccountHistory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * The dead-letter topic keeps every letter ever written, so a re-drive applies each as it is read
 * and never gathers them first; its report lists the first letters that still fail and counts the rest.
 */
class DeadLetterRedriveTest {

    private static final int LETTERS = 5_000;
    private static final int STILL_FAILING = 150;

    private final AccountEventCodec codec = new AccountEventCodec();
    private final ReadModelListeners listeners = mock(ReadModelListeners.class);
    @SuppressWarnings("unchecked")
    private final ReadModelPipeline<Object> pipeline = mock(ReadModelPipeline.class);

    @Test
    void eachLetterIsAppliedAsItIsReadAndTheReportListsAHundredOfThoseThatStillFail() {
        AtomicInteger read = new AtomicInteger();
        AtomicInteger mostReadAhead = new AtomicInteger();
        AtomicInteger applied = new AtomicInteger();
        given(listeners.pipeline("account-status")).willReturn(Optional.of(pipeline));
        given(pipeline.name()).willReturn("account-status");
        given(pipeline.ingest(any(EnvelopedAccountEvent.class), anyString())).willAnswer(call -> {
            int done = applied.incrementAndGet();
            mostReadAhead.accumulateAndGet(read.get() - done, Math::max);
            if (done <= STILL_FAILING) {
                throw new UnknownAccountEventException("still unknown after the upgrade");
            }
            return EventOrdering.Kind.APPLIED;
        });
        DeadLetterRedrive redrive = new DeadLetterRedrive(each -> {
            for (int offset = 0; offset < LETTERS; offset++) {
                read.incrementAndGet();
                each.accept(letter(offset));
            }
        }, "events.DLT", codec, listeners, mock(ProjectionMetrics.class), null);

        DeadLetterRedrive.RedriveReport report = redrive.redrive();

        assertThat(mostReadAhead.get()).as("letters read but not yet applied, at most").isZero();
        assertThat(report.examined()).isEqualTo(LETTERS);
        assertThat(report.applied()).isEqualTo(LETTERS - STILL_FAILING);
        assertThat(report.stillFailing()).hasSize(DeadLetterRedrive.LISTED);
        assertThat(report.stillFailingNotListed()).isEqualTo(STILL_FAILING - DeadLetterRedrive.LISTED);
        assertThat(report.stillFailing().get(0).reason()).contains("still unknown");
    }

    private ConsumerRecord<String, byte[]> letter(int offset) {
        EnvelopedAccountEvent event = AccountHistory.registered(UUID.randomUUID(), "Letter " + offset).get(0);
        ConsumerRecord<String, byte[]> letter = new ConsumerRecord<>("events.DLT", 0, offset,
                event.accountId().toString(), codec.encode(event));
        letter.headers().add(KafkaErrorHandling.READ_MODEL_HEADER, "account-status".getBytes(StandardCharsets.UTF_8));
        return letter;
    }
}
