package com.relationship.projection.ingest;

import com.relationship.contracts.events.EnvelopedAccountEvent;
import com.relationship.projection.infra.ProjectionProperties;
import com.relationship.projection.status.AccountHistory;
import com.relationship.projection.status.AccountProjection;
import com.relationship.projection.status.AccountStatusProjector;
import com.relationship.projection.status.AccountStatusStore;
import com.relationship.projection.status.AccountStatusStore.WriteResult;
import com.relationship.projection.status.AppliedEventLedger;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * A write the store refuses although nobody else writes the account (what the issue saw as "attempt 5
 * of 5" forever) is not silent: it fails the record (retried with back-off), is counted, and turns the
 * projection health component DOWN with the account, until a write of that account succeeds.
 */
class StuckWriteTest {

    private final AccountStatusStore store = mock(AccountStatusStore.class);
    private final AppliedEventLedger ledger = mock(AppliedEventLedger.class);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ProjectionMetrics metrics = new ProjectionMetrics(registry);
    private final ProjectionAlerts alerts = new ProjectionAlerts();
    private final ProjectionHealthIndicator health = new ProjectionHealthIndicator(alerts, metrics);
    private final AccountEventIngestor ingestor = new AccountEventIngestor(store, ledger,
            new AccountProjection(new AccountStatusProjector()), mock(StatusPublisher.class), metrics, alerts,
            new ParkedEventsGauge(store, metrics), new ProjectionProperties(null,
            new ProjectionProperties.Store("s", "l", 5, Duration.ofSeconds(1), "majority", true, Duration.ofSeconds(1)),
            null, null, null, null));

    @Test
    void aRefusedWriteIsCountedAlertedAndRetriedUntilItGoesThrough() {
        EnvelopedAccountEvent registered = AccountHistory.registered(UUID.randomUUID(), "Acme").get(0);
        given(ledger.claim(any(), anyLong(), any())).willReturn(Optional.empty());
        given(store.load(registered.accountId())).willReturn(Optional.empty());
        given(store.compareAndSet(eq(registered.accountId()), eq(0L), any())).willReturn(WriteResult.STUCK);

        assertThatThrownBy(() -> ingestor.ingest(registered)).isInstanceOf(AccountEventIngestor.StuckWriteException.class)
                .hasMessageContaining(registered.accountId().toString());
        assertThat(registry.counter(ProjectionMetrics.STUCK).count()).isEqualTo(1);
        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(alerts.stuckWrites()).containsKey(registered.accountId());

        given(store.compareAndSet(eq(registered.accountId()), eq(0L), any())).willReturn(WriteResult.WRITTEN_AFTER_REPAIR);
        assertThat(ingestor.ingest(registered)).isEqualTo(AccountProjection.Kind.APPLIED);
        assertThat(registry.counter(ProjectionMetrics.REPAIRS).count()).isEqualTo(1);
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        assertThat(health.health().getDetails()).containsEntry("repairedWrites", 1L);
    }
}
