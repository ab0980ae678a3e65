package com.relationship.projection.profitability;

import com.relationship.contracts.account.BondKind;
import com.relationship.contracts.account.InteractionChannel;
import com.relationship.contracts.account.InteractionDirection;
import com.relationship.contracts.events.AccountEvent;
import com.relationship.contracts.events.AccountRegistered;
import com.relationship.contracts.events.BondEstablished;
import com.relationship.contracts.events.ComplaintOpened;
import com.relationship.contracts.events.EnvelopedAccountEvent;
import com.relationship.contracts.events.InteractionRecorded;
import com.relationship.contracts.events.PurchaseRecorded;
import com.relationship.contracts.events.ReferralRecorded;
import com.relationship.contracts.events.ServiceActivityRecorded;
import com.relationship.contracts.events.ProfitabilityDecided;
import com.relationship.contracts.account.ConversionLever;
import com.relationship.contracts.account.ProfitabilityDecision;
import com.relationship.projection.readmodel.InconsistentEventStreamException;
import org.bson.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** What each event puts in the profitability ledger (a table), and the ledger's document form. */
class ProfitabilityReadModelTest {

    private static final UUID ACCOUNT = UUID.fromString("5b0c1f9e-7d53-4c4e-9a51-2f7c3b7f0a11");
    private static final Instant WHEN = Instant.parse("2026-03-04T10:00:00Z");
    private static final Instant RECORDED = Instant.parse("2026-03-09T10:00:00Z");
    private final ProfitabilityReadModel model = new ProfitabilityReadModel();

    private static EnvelopedAccountEvent enveloped(long sequence, AccountEvent event) {
        return new EnvelopedAccountEvent("e" + sequence, ACCOUNT, sequence, RECORDED, "alice", "corr", "cmd", null,
                null, event, WHEN);
    }

    private ProfitabilityView registered() {
        return model.apply(null, enveloped(0, new AccountRegistered(ACCOUNT, "Acme", "Retail", 40, null, "EMEA", null)));
    }

    static Stream<Arguments> lines() {
        UUID id = UUID.randomUUID();
        return Stream.of(
                arguments("a purchase with its margin", new PurchaseRecorded(ACCOUNT, id, new BigDecimal("1000.00"), "USD",
                        WHEN, "Seats", null, new BigDecimal("250.00"), null, null, null),
                        List.of(Ledger.revenue("e1", WHEN, new BigDecimal("1000.00"), "USD", new BigDecimal("250.00")))),
                arguments("a purchase with its cost of goods", new PurchaseRecorded(ACCOUNT, id, new BigDecimal("1000.00"),
                        "EUR", WHEN, "Seats", null, null, new BigDecimal("700.00"), null, null),
                        List.of(Ledger.revenue("e1", WHEN, new BigDecimal("1000.00"), "EUR", new BigDecimal("300.00")))),
                arguments("a purchase that says neither", new PurchaseRecorded(ACCOUNT, id, new BigDecimal("10.00"), "EUR",
                        WHEN, "Seats"), List.of(Ledger.revenue("e1", WHEN, new BigDecimal("10.00"), "EUR", null))),
                arguments("a meeting is a sales visit", new InteractionRecorded(ACCOUNT, id, InteractionChannel.MEETING,
                        InteractionDirection.TWO_WAY, "Dana", "QBR", WHEN),
                        List.of(Ledger.activity("e1", WHEN, "SALES_VISIT", BigDecimal.ONE))),
                arguments("a visit is a sales visit", new InteractionRecorded(ACCOUNT, id, InteractionChannel.VISIT,
                        InteractionDirection.TWO_WAY, "Dana", "Plant tour", WHEN),
                        List.of(Ledger.activity("e1", WHEN, "SALES_VISIT", BigDecimal.ONE))),
                arguments("a call is a call", new InteractionRecorded(ACCOUNT, id, InteractionChannel.CALL,
                        InteractionDirection.OUTBOUND, "Dana", "Follow-up", WHEN),
                        List.of(Ledger.activity("e1", WHEN, "CALL", BigDecimal.ONE))),
                arguments("an e-mail costs nothing on the card", new InteractionRecorded(ACCOUNT, id, InteractionChannel.EMAIL,
                        InteractionDirection.OUTBOUND, "Dana", "Offer", WHEN), List.of()),
                arguments("a complaint is a support case, dated when it was raised", new ComplaintOpened(ACCOUNT, id,
                        "Late delivery", Instant.parse("2026-03-20T00:00:00Z")),
                        List.of(Ledger.activity("e1", WHEN, "SUPPORT_CASE", BigDecimal.ONE))),
                arguments("a customization bond is a customization", new BondEstablished(ACCOUNT, id, BondKind.CUSTOMIZATION,
                        "Custom firmware", WHEN, null), List.of(Ledger.activity("e1", WHEN, "CUSTOMIZATION", BigDecimal.ONE))),
                arguments("a social bond costs nothing on the card", new BondEstablished(ACCOUNT, id, BondKind.SOCIAL,
                        "Golf", WHEN, null), List.of()),
                arguments("a service activity's units", new ServiceActivityRecorded(ACCOUNT, id, "TRAINING",
                        new BigDecimal("2"), null, null, null),
                        List.of(Ledger.activity("e1", WHEN, "TRAINING", new BigDecimal("2")))),
                arguments("a service activity's known cost", new ServiceActivityRecorded(ACCOUNT, id, "DISCOUNT", null,
                        new BigDecimal("150.00"), "EUR", "volume"),
                        List.of(Ledger.cost("e1", WHEN, "DISCOUNT", new BigDecimal("150.00"), "EUR"))),
                arguments("a referral neither earns nor costs", new ReferralRecorded(ACCOUNT, id, "Sent us Initech", "Initech"), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lines")
    void eachEventPutsItsLinesInTheLedger(String name, AccountEvent event, List<Ledger> expected) {
        ProfitabilityView view = model.apply(registered(), enveloped(1, event));

        assertThat(view.ledger()).isEqualTo(expected);
        assertThat(view.name()).isEqualTo("Acme");
        assertThat(view.lastAppliedSequence()).isEqualTo(1);
    }

    @Test
    void aLedgerReadsBackFromItsDocumentAsItWasWritten() {
        ProfitabilityView view = model.apply(model.apply(registered(), enveloped(1, new PurchaseRecorded(ACCOUNT,
                        UUID.randomUUID(), new BigDecimal("1000.50"), "USD", WHEN, "Seats", null, new BigDecimal("250.00"),
                        null, null, null))),
                enveloped(2, new ServiceActivityRecorded(ACCOUNT, UUID.randomUUID(), "TRAINING", new BigDecimal("1.5"),
                        null, null, null)));
        Document document = new Document();

        model.write(view, document);

        assertThat(model.read(document)).isEqualTo(view);
    }

    @Test
    void aDecisionIsKeptBesideTheLedgerDatedByItsBusinessTimeAndReadsBack() {
        ProfitabilityView view = model.apply(registered(), enveloped(1, new ProfitabilityDecided(ACCOUNT,
                ProfitabilityDecision.CONVERT, List.of(ConversionLever.RAISE_PRICES), "loses on support")));
        Document document = new Document();
        model.write(view, document);

        assertThat(view.ledger()).isEmpty();
        assertThat(view.decisions()).containsExactly(new Decision(WHEN, ProfitabilityDecision.CONVERT,
                List.of(ConversionLever.RAISE_PRICES), "loses on support", "e1"));
        assertThat(view.convertingSince()).isEqualTo(WHEN);
        assertThat(model.read(document)).isEqualTo(view);
    }

    @Test
    void anEventBeforeTheRegistrationIsAnInconsistentStream() {
        assertThatThrownBy(() -> model.apply(null, enveloped(3, new ReferralRecorded(ACCOUNT, UUID.randomUUID(), "x", "Initech"))))
                .isInstanceOf(InconsistentEventStreamException.class).hasMessageContaining("before its AccountRegistered");
    }
}
