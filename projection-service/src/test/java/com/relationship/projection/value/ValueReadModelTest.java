package com.relationship.projection.value;

import com.relationship.contracts.account.BondKind;
import com.relationship.contracts.account.Classification;
import com.relationship.contracts.account.InteractionChannel;
import com.relationship.contracts.account.InteractionDirection;
import com.relationship.contracts.account.LifecycleStage;
import com.relationship.contracts.account.OwnerKind;
import com.relationship.contracts.account.ValueComponent;
import com.relationship.contracts.events.AccountClassified;
import com.relationship.contracts.events.AccountEvent;
import com.relationship.contracts.events.AccountLapsed;
import com.relationship.contracts.events.AccountOwnerAssigned;
import com.relationship.contracts.events.AccountRegistered;
import com.relationship.contracts.events.BondEstablished;
import com.relationship.contracts.events.EnvelopedAccountEvent;
import com.relationship.contracts.events.InteractionRecorded;
import com.relationship.contracts.events.LifecycleStageAdvanced;
import com.relationship.contracts.events.ReferralRecorded;
import com.relationship.contracts.events.RelationshipLevelAssessed;
import com.relationship.contracts.events.ValueComponentAssessed;
import com.relationship.contracts.events.WalletEstimated;
import com.relationship.projection.readmodel.InconsistentEventStreamException;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What each event puts in the value inputs, and their document form. */
class ValueReadModelTest {

    private static final UUID ACCOUNT = UUID.fromString("7b0c1f9e-7d53-4c4e-9a51-2f7c3b7f0a11");
    private static final Instant T0 = Instant.parse("2026-01-05T08:00:00Z");
    private final ValueReadModel model = new ValueReadModel();

    private ValueView fold(AccountEvent... events) {
        ValueView view = null;
        List<AccountEvent> history = new ArrayList<>();
        history.add(new AccountRegistered(ACCOUNT, "Acme", "Retail", 40, null, "EMEA", Classification.TACTICAL));
        history.addAll(List.of(events));
        for (int i = 0; i < history.size(); i++) {
            Instant at = T0.plusSeconds(86_400L * i);
            view = model.apply(view, new EnvelopedAccountEvent("e" + i, ACCOUNT, i, at, "alice", "c", "c", null, null,
                    history.get(i), at));
        }
        return view;
    }

    @Test
    void aRegistrationStartsAProspectWithItsClassificationAndNothingJudged() {
        ValueView view = fold();
        assertThat(view.stage()).isEqualTo(LifecycleStage.PROSPECT);
        assertThat(view.classification()).isEqualTo(Classification.TACTICAL);
        assertThat(view.clientSince()).isNull();
        assertThat(view.judgements()).isEmpty();
    }

    @Test
    void anAccountIsAClientFromItsFirstCustomerStageAndStaysSoThroughALapse() {
        ValueView view = fold(new LifecycleStageAdvanced(ACCOUNT, LifecycleStage.PROSPECT, LifecycleStage.CUSTOMER),
                new LifecycleStageAdvanced(ACCOUNT, LifecycleStage.CUSTOMER, LifecycleStage.CLIENT),
                new AccountLapsed(ACCOUNT, LifecycleStage.CLIENT, "went quiet"));
        assertThat(view.clientSince()).as("the day it became a CUSTOMER").isEqualTo(T0.plusSeconds(86_400));
        assertThat(view.stage()).isEqualTo(LifecycleStage.LAPSED);
    }

    @Test
    void judgementsReplaceTheSameComponentsAndTheLevelTheOneBefore() {
        ValueView view = fold(
                new ValueComponentAssessed(ACCOUNT, ValueComponent.FUTURE_VALUE, 40, null, null, "first look"),
                new ValueComponentAssessed(ACCOUNT, ValueComponent.FUTURE_VALUE, 70, null, null, "opens DACH"),
                new ValueComponentAssessed(ACCOUNT, ValueComponent.PROJECTED_SPEND, null, new BigDecimal("50000.00"), "USD",
                        "budget"),
                new RelationshipLevelAssessed(ACCOUNT, 3, "comfortable"),
                new RelationshipLevelAssessed(ACCOUNT, 4, "knows our people by name"));
        assertThat(view.judgements().get(ValueComponent.FUTURE_VALUE).score()).isEqualTo(70);
        assertThat(view.judgements().get(ValueComponent.FUTURE_VALUE).eventId()).isEqualTo("e2");
        assertThat(view.judgements().get(ValueComponent.PROJECTED_SPEND).amount()).isEqualByComparingTo("50000.00");
        assertThat(view.level().level()).isEqualTo(4);
        assertThat(view.level().eventId()).isEqualTo("e5");
    }

    @Test
    void portalAndEmailInteractionsReferralsBondsOwnerAndClassificationAreKept() {
        UUID estimate = UUID.randomUUID();
        ValueView view = fold(
                new InteractionRecorded(ACCOUNT, UUID.randomUUID(), InteractionChannel.PORTAL, InteractionDirection.INBOUND,
                        "Dana", "report download", T0.plusSeconds(3600)),
                new InteractionRecorded(ACCOUNT, UUID.randomUUID(), InteractionChannel.MEETING, InteractionDirection.TWO_WAY,
                        "Dana", "QBR", T0.plusSeconds(7200)),
                new InteractionRecorded(ACCOUNT, UUID.randomUUID(), InteractionChannel.EMAIL, InteractionDirection.OUTBOUND,
                        "Dana", "offer", null),
                new ReferralRecorded(ACCOUNT, UUID.randomUUID(), "told a peer", "Peer Co", null),
                new BondEstablished(ACCOUNT, UUID.randomUUID(), BondKind.STRUCTURAL, "EDI link", T0, null, null),
                new AccountOwnerAssigned(ACCOUNT, "alice", OwnerKind.DEVELOPER, "grows it"),
                new AccountClassified(ACCOUNT, Classification.STRATEGIC, "future advantage"),
                new WalletEstimated(ACCOUNT, estimate, "sensors", new BigDecimal("10000"), "EUR", "2026-Q3", "the buyer"));

        assertThat(view.channelTouches()).extracting(ValueView.Touch::kind).containsExactly("PORTAL", "EMAIL");
        assertThat(view.channelTouches().get(1).at()).as("dated by its business time").isEqualTo(T0.plusSeconds(86_400L * 3));
        assertThat(view.referrals()).extracting(ValueView.Touch::eventId).containsExactly("e4");
        assertThat(view.bonds()).singleElement().satisfies(bond -> assertThat(bond.kind()).isEqualTo(BondKind.STRUCTURAL));
        assertThat(view.owner()).isEqualTo("alice");
        assertThat(view.classification()).isEqualTo(Classification.STRATEGIC);
        assertThat(view.wallet()).singleElement().satisfies(w -> assertThat(w.period()).isEqualTo("2026-Q3"));

        Document document = new Document();
        model.write(view, document);
        assertThat(model.read(document)).as("the document reads back as the view").isEqualTo(view);
    }

    @Test
    void onlyTheLatestTouchesOfEachKindAreKept() {
        List<AccountEvent> events = new ArrayList<>();
        for (int i = 0; i <= ValueFold.KEPT; i++) {
            events.add(new InteractionRecorded(ACCOUNT, UUID.randomUUID(), InteractionChannel.PORTAL,
                    InteractionDirection.INBOUND, "Dana", "login " + i, T0.plusSeconds(i)));
        }
        ValueView view = fold(events.toArray(AccountEvent[]::new));
        assertThat(view.channelTouches()).hasSize(ValueFold.KEPT);
        assertThat(view.channelTouches().get(0).eventId()).as("the oldest dropped").isEqualTo("e2");
    }

    @Test
    void anEventBeforeTheRegistrationIsAnInconsistentStream() {
        assertThatThrownBy(() -> model.apply(null, new EnvelopedAccountEvent("e1", ACCOUNT, 1, T0, "a", "c", "c",
                new ReferralRecorded(ACCOUNT, UUID.randomUUID(), "x", null, null)))).isInstanceOf(InconsistentEventStreamException.class);
    }
}
