package com.relationship.projection.status;

import com.relationship.projection.readmodel.EventOrdering;
import com.relationship.projection.readmodel.ProjectionState;
import com.relationship.projection.readmodel.ReadModelDocuments;
import com.relationship.contracts.status.AccountStatus;
import com.relationship.contracts.events.AccountEventCodec;
import com.relationship.contracts.events.AccountLapsed;
import com.relationship.contracts.events.ComplaintOpened;
import com.relationship.contracts.events.KeyAccountDesignated;
import com.relationship.contracts.events.LifecycleStageAdvanced;
import com.relationship.contracts.events.PurchaseRecorded;
import com.relationship.projection.bonding.BondingModel;
import com.relationship.projection.churn.ChurnModel;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import static com.relationship.contracts.account.LifecycleStage.CUSTOMER;
import static com.relationship.contracts.account.LifecycleStage.PROSPECT;
import static org.assertj.core.api.Assertions.assertThat;

class AccountStatusDocumentsTest {

    private static final UUID ACCOUNT = UUID.fromString("5b0c1f9e-7d53-4c4e-9a51-2f7c3b7f0a11");

    private final ReadModelDocuments<StatusView> documents = new ReadModelDocuments<>(new AccountStatusModel("account_status", null), new AccountEventCodec());
    private final EventOrdering<StatusView> projection = new EventOrdering<>(new AccountStatusModel("account_status", null));

    @Test
    void aStateWithEveryFieldAndParkedEventsSurvivesTheRoundTripExactly() {
        AccountHistory history = AccountHistory.registered(ACCOUNT, "Acme")
                .then(id -> new PurchaseRecorded(id, UUID.randomUUID(), new BigDecimal("48000.50"), "EUR",
                        Instant.parse("2026-01-10T00:00:00Z"), "Licence"))
                .then(id -> new LifecycleStageAdvanced(id, PROSPECT, CUSTOMER))
                .then(id -> new ComplaintOpened(id, UUID.randomUUID(), "Late", Instant.parse("2026-02-01T00:00:00Z")))
                .then(id -> new KeyAccountDesignated(id, "Potential"))
                .then(id -> new AccountLapsed(id, CUSTOMER, "Gone"))
                .then(id -> new PurchaseRecorded(id, UUID.randomUUID(), new BigDecimal("1"), "EUR",
                        Instant.parse("2026-03-10T00:00:00Z"), "Late order"));
        ProjectionState<StatusView> state = ProjectionState.<StatusView>empty();
        for (int sequence = 0; sequence <= 4; sequence++) {
            state = projection.handle(state, history.get(sequence)).state();
        }
        ProjectionState<StatusView> withParked = projection.handle(state, history.get(6)).state();
        assertThat(withParked.parked()).containsOnlyKeys(6L);

        Document doc = documents.toDocument(ACCOUNT, withParked, 7);

        assertThat(doc.get("_id")).isEqualTo(ACCOUNT.toString());
        assertThat(doc.get("purchaseTotals", Document.class).get("EUR")).isEqualTo(new Decimal128(new BigDecimal("48000.50")));
        assertThat(doc.getString("stageSince")).isEqualTo(AccountHistory.at(2).toString()).contains(".123456Z");
        assertThat(documents.versionOf(doc)).isEqualTo(7);
        assertThat(documents.stateOf(doc)).isEqualTo(withParked);
        assertThat(documents.stateOf(doc).view().status().purchaseTotals().get("EUR")).isEqualTo(new BigDecimal("48000.50"));
    }

    @Test
    void parkedEventsAreKeptAsTheirCloudEvents() {
        AccountHistory history = AccountHistory.registered(ACCOUNT, "Acme")
                .then(id -> new KeyAccountDesignated(id, "Potential"))
                .then(id -> new KeyAccountDesignated(id, "Again"));
        ProjectionState<StatusView> state = projection.handle(ProjectionState.<StatusView>empty(), history.get(2)).state();

        Document doc = documents.toDocument(ACCOUNT, state, 1);

        assertThat(doc.getString("stage")).isNull();
        assertThat(doc.getInteger("parkedCount")).isEqualTo(1);
        assertThat(documents.stateOf(doc).parked()).containsEntry(2L, history.get(2));
        assertThat(documents.stateOf(doc).view()).isNull();
    }

    /**
     * A status stored before the status kept its scoring facts: it still reads, its facts taken from
     * what the status says (stage, key account, open complaints), so the next event folds onto it.
     */
    @Test
    void aStatusStoredBeforeItKeptItsFactsReadsWithFactsFromTheStatus() {
        AccountHistory history = AccountHistory.registered(ACCOUNT, "Acme")
                .then(id -> new PurchaseRecorded(id, UUID.randomUUID(), new BigDecimal("10"), "EUR",
                        Instant.parse("2026-01-10T00:00:00Z"), "Licence"))
                .then(id -> new LifecycleStageAdvanced(id, PROSPECT, CUSTOMER))
                .then(id -> new ComplaintOpened(id, UUID.randomUUID(), "Late", Instant.parse("2026-02-01T00:00:00Z")))
                .then(id -> new KeyAccountDesignated(id, "Potential"));
        ProjectionState<StatusView> state = ProjectionState.<StatusView>empty();
        for (int sequence = 0; sequence <= 3; sequence++) {
            state = projection.handle(state, history.get(sequence)).state();
        }
        Document old = documents.toDocument(ACCOUNT, state, 4);
        for (String added : new String[]{"facts", "standingNextChangeAt", "bondingLevel", "bondStrength", "churnScore",
                "churnBand", "lastInteraction", "standingAt"}) {
            old.remove(added);
        }

        StatusView read = documents.stateOf(old).view();

        assertThat(read.facts().inputs().stage()).isEqualTo(CUSTOMER);
        assertThat(read.facts().inputs().openComplaints()).hasSize(1);
        assertThat(read.status().churnBand()).isNotNull();
        assertThat(read.status().standingAt()).isEqualTo(read.status().updatedAt());
        StatusView next = projection.handle(documents.stateOf(old), history.get(4)).state().view();
        assertThat(next.status().kamStage()).isNotNull();
        assertThat(next.facts().inputs().keyAccount()).isTrue();
    }

    /**
     * A status stored before its firmographics named the annual revenue's currency: it reads in the
     * projection's reporting currency, as its registration does, and keeps it through the next event.
     */
    @Test
    void aStatusStoredBeforeItNamedTheRevenueCurrencyReadsInTheReportingCurrency() {
        AccountStatusModel model = new AccountStatusModel("account_status", null,
                new AccountStatusProjector(ChurnModel.defaults(), BondingModel.defaults(), "GBP"));
        ReadModelDocuments<StatusView> inGbp = new ReadModelDocuments<>(model, new AccountEventCodec());
        EventOrdering<StatusView> ordering = new EventOrdering<>(model);
        AccountHistory history = AccountHistory.registered(ACCOUNT, "Acme")
                .then(id -> new KeyAccountDesignated(id, "Potential"));
        ProjectionState<StatusView> state = ordering.handle(ProjectionState.<StatusView>empty(), history.get(0)).state();
        Document old = inGbp.toDocument(ACCOUNT, state, 1);
        assertThat(old.get("firmographics", Document.class).getString("annualRevenueCurrency")).isEqualTo("GBP");
        old.get("firmographics", Document.class).remove("annualRevenueCurrency");

        assertThat(inGbp.stateOf(old).view().status().firmographics().annualRevenueCurrency()).isEqualTo("GBP");
        StatusView next = ordering.handle(inGbp.stateOf(old), history.get(1)).state().view();
        assertThat(next.status().firmographics().annualRevenueCurrency()).isEqualTo("GBP");
    }
}
