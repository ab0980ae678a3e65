package com.relationship.projection.ingest;

import com.relationship.projection.status.StatusView;
import com.relationship.contracts.events.EnvelopedAccountEvent;
import com.relationship.contracts.status.AccountStatus;
import com.relationship.projection.readmodel.AppliedEventLedger;
import com.relationship.projection.readmodel.EventOrdering;
import com.relationship.projection.readmodel.ReadModelDocuments;
import com.relationship.projection.readmodel.ReadModelStore;
import com.relationship.projection.readmodel.ReadModelStore.WriteResult;
import com.relationship.projection.status.AccountHistory;
import com.relationship.projection.status.AccountStatusModel;
import com.relationship.projection.status.StatusPublisher;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

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

    @SuppressWarnings("unchecked")
    private final ReadModelStore<StatusView> store = mock(ReadModelStore.class);
    private final AppliedEventLedger ledger = mock(AppliedEventLedger.class);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ProjectionMetrics metrics = new ProjectionMetrics(registry);
    private final ProjectionAlerts alerts = new ProjectionAlerts();
    private final ProjectionHealthIndicator health = new ProjectionHealthIndicator(alerts, metrics);
    private final AccountStatusModel model = new AccountStatusModel("s", mock(StatusPublisher.class));
    private final ReadModelPipeline<StatusView> ingestor = new ReadModelPipeline<>(model, store, ledger, metrics,
            alerts, () -> { }, 5);

    @Test
    void aRefusedWriteIsCountedAlertedAndRetriedUntilItGoesThrough() {
        EnvelopedAccountEvent registered = AccountHistory.registered(UUID.randomUUID(), "Acme").get(0);
        given(ledger.claim(any(), anyLong(), any())).willReturn(Optional.empty());
        given(store.load(registered.accountId())).willReturn(Optional.empty());
        given(store.documents()).willReturn(new ReadModelDocuments<>(model, null));
        given(store.compareAndSet(eq(registered.accountId()), eq(0L), any())).willReturn(WriteResult.STUCK);

        assertThatThrownBy(() -> ingestor.ingest(registered)).isInstanceOf(ReadModelPipeline.StuckWriteException.class)
                .hasMessageContaining(registered.accountId().toString());
        assertThat(registry.counter(ProjectionMetrics.STUCK).count()).isEqualTo(1);
        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(alerts.stuckWrites()).containsKey(registered.accountId());

        given(store.compareAndSet(eq(registered.accountId()), eq(0L), any())).willReturn(WriteResult.WRITTEN_AFTER_REPAIR);
        assertThat(ingestor.ingest(registered)).isEqualTo(EventOrdering.Kind.APPLIED);
        assertThat(registry.counter(ProjectionMetrics.REPAIRS).count()).isEqualTo(1);
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        assertThat(health.health().getDetails()).containsEntry("repairedWrites", 1L);
    }
}
