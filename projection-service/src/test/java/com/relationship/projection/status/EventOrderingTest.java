package com.relationship.projection.status;

import com.relationship.contracts.events.EnvelopedAccountEvent;
import com.relationship.contracts.events.LifecycleStageAdvanced;
import com.relationship.contracts.events.PurchaseRecorded;
import com.relationship.contracts.status.AccountStatus;
import com.relationship.projection.readmodel.EventOrdering;
import com.relationship.projection.readmodel.EventOrdering.Kind;
import com.relationship.projection.readmodel.EventOrdering.Outcome;
import com.relationship.projection.readmodel.ProjectionState;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static com.relationship.contracts.account.LifecycleStage.CUSTOMER;
import static com.relationship.contracts.account.LifecycleStage.PROSPECT;
import static org.assertj.core.api.Assertions.assertThat;

/** The pipeline's ordering rules ({@link EventOrdering}) over the status fold. */
class EventOrderingTest {

    private static final UUID ACCOUNT = UUID.fromString("5b0c1f9e-7d53-4c4e-9a51-2f7c3b7f0a11");

    private final EventOrdering<StatusView> projection = new EventOrdering<>(new AccountStatusModel("account_status", null));
    private final AccountHistory history = AccountHistory.registered(ACCOUNT, "Acme")
            .then(id -> purchase(id, "100.00"))
            .then(id -> new LifecycleStageAdvanced(id, PROSPECT, CUSTOMER))
            .then(id -> purchase(id, "0.05"))
            .then(id -> purchase(id, "7"));

    @Test
    void inOrderEventsAreApplied() {
        ProjectionState<StatusView> state = ProjectionState.<StatusView>empty();
        for (EnvelopedAccountEvent event : history.events()) {
            Outcome<StatusView> outcome = projection.handle(state, event);
            assertThat(outcome.kind()).isEqualTo(Kind.APPLIED);
            assertThat(outcome.applied()).containsExactly(event);
            state = outcome.state();
        }
        assertThat(state.view().status()).isEqualTo(new AccountStatusProjector().fold(history.events()));
        assertThat(state.parked()).isEmpty();
    }

    @Test
    void aRedeliveredEventIsADuplicateAndChangesNothing() {
        ProjectionState<StatusView> state = feed(ProjectionState.<StatusView>empty(), history.get(0), history.get(1), history.get(2));

        for (int sequence = 0; sequence <= 2; sequence++) {
            Outcome<StatusView> outcome = projection.handle(state, history.get(sequence));
            assertThat(outcome.kind()).isEqualTo(Kind.DUPLICATE);
            assertThat(outcome.state()).isSameAs(state);
            assertThat(outcome.applied()).isEmpty();
        }
        assertThat(state.view().status().purchaseCount()).isEqualTo(1);
    }

    @Test
    void anEventAheadOfAGapIsParkedNotApplied() {
        ProjectionState<StatusView> state = feed(ProjectionState.<StatusView>empty(), history.get(0), history.get(1));

        Outcome<StatusView> outcome = projection.handle(state, history.get(3));

        assertThat(outcome.kind()).isEqualTo(Kind.PARKED);
        assertThat(outcome.expected()).isEqualTo(2);
        assertThat(outcome.state().view()).isEqualTo(state.view());
        assertThat(outcome.state().parked()).containsOnlyKeys(3L);
    }

    @Test
    void theMissingEventReleasesTheParkedOnesInOrder() {
        ProjectionState<StatusView> state = feed(ProjectionState.<StatusView>empty(), history.get(0), history.get(1));
        state = projection.handle(state, history.get(4)).state();
        state = projection.handle(state, history.get(3)).state();
        assertThat(state.parked()).containsOnlyKeys(3L, 4L);

        Outcome<StatusView> outcome = projection.handle(state, history.get(2));

        assertThat(outcome.kind()).isEqualTo(Kind.APPLIED);
        assertThat(outcome.applied()).containsExactly(history.get(2), history.get(3), history.get(4));
        assertThat(outcome.state().parked()).isEmpty();
        assertThat(outcome.state().view().status()).isEqualTo(new AccountStatusProjector().fold(history.events()));
    }

    @Test
    void aParkedEventRedeliveredIsADuplicate() {
        ProjectionState<StatusView> state = feed(ProjectionState.<StatusView>empty(), history.get(0));
        state = projection.handle(state, history.get(2)).state();

        Outcome<StatusView> again = projection.handle(state, history.get(2));

        assertThat(again.kind()).isEqualTo(Kind.DUPLICATE);
        assertThat(again.state().parked()).containsOnlyKeys(2L);
    }

    @Test
    void eventsSeenBeforeTheRegistrationWaitForIt() {
        ProjectionState<StatusView> state = projection.handle(ProjectionState.<StatusView>empty(), history.get(1)).state();
        assertThat(state.view()).isNull();
        assertThat(state.parked()).containsOnlyKeys(1L);

        Outcome<StatusView> outcome = projection.handle(state, history.get(0));

        assertThat(outcome.applied()).containsExactly(history.get(0), history.get(1));
        assertThat(outcome.state().view().status().purchaseCount()).isEqualTo(1);
    }

    @Test
    void anyDeliveryOrderWithDuplicatesEndsInTheSameStatus() {
        AccountStatus expected = new AccountStatusProjector().fold(history.events());
        Random random = new Random(42);
        for (int run = 0; run < 200; run++) {
            List<EnvelopedAccountEvent> deliveries = new ArrayList<>(history.events());
            deliveries.addAll(history.events().subList(0, random.nextInt(history.events().size())));
            Collections.shuffle(deliveries, random);

            ProjectionState<StatusView> state = ProjectionState.<StatusView>empty();
            List<Long> appliedOrder = new ArrayList<>();
            for (EnvelopedAccountEvent event : deliveries) {
                Outcome<StatusView> outcome = projection.handle(state, event);
                outcome.applied().forEach(e -> appliedOrder.add(e.sequence()));
                state = outcome.state();
            }

            assertThat(state.view().status()).as("run %d", run).isEqualTo(expected);
            assertThat(state.parked()).isEmpty();
            assertThat(appliedOrder).as("each event once, in order").containsExactly(0L, 1L, 2L, 3L, 4L);
        }
    }

    private ProjectionState<StatusView> feed(ProjectionState<StatusView> state, EnvelopedAccountEvent... events) {
        for (EnvelopedAccountEvent event : events) {
            state = projection.handle(state, event).state();
        }
        return state;
    }

    private static PurchaseRecorded purchase(UUID accountId, String amount) {
        return new PurchaseRecorded(accountId, UUID.randomUUID(), new BigDecimal(amount), "EUR",
                Instant.parse("2026-01-10T00:00:00Z"), "Licence");
    }
}
