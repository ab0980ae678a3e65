package com.relationship.service.account;

import com.relationship.contracts.account.ConversionLever;
import com.relationship.contracts.account.ProfitabilityDecision;
import com.relationship.contracts.commands.DecideProfitability;
import com.relationship.contracts.events.ProfitabilityDecided;
import com.relationship.contracts.events.ProspectDisqualified;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.relationship.contracts.account.ConversionLever.CHARGE_FOR_SERVICES;
import static com.relationship.contracts.account.ConversionLever.RAISE_PRICES;
import static com.relationship.contracts.account.ProfitabilityDecision.CONVERT;
import static com.relationship.contracts.account.ProfitabilityDecision.FIRE;
import static com.relationship.contracts.account.ProfitabilityDecision.KEEP;
import static com.relationship.service.account.AccountFixtures.*;

/**
 * docs/domain.md, "Keep, convert, fire" (issue 29, seed 000): keep the profitable, convert the unprofitable
 * with its levers, fire only those still unprofitable two quarters after converting was decided.
 */
class ProfitabilityDecisionRulesTest {

    private static final Instant CONVERTED = Instant.parse("2026-01-10T00:00:00Z");
    private AggregateTestFixture<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = AccountFixtures.fixture();
    }

    /** The history at CLIENT, then the decisions, each dated. */
    private static List<Object> decided(Object... decisionsAndTimes) {
        List<Object> history = new ArrayList<>(historyAt(com.relationship.contracts.account.LifecycleStage.CLIENT));
        for (int i = 0; i < decisionsAndTimes.length; i += 2) {
            history.add(new GenericDomainEventMessage<>("Account", ID.toString(), history.size(), decisionsAndTimes[i],
                    MetaData.with(BusinessTime.KEY, decisionsAndTimes[i + 1].toString())));
        }
        return history;
    }

    private static ProfitabilityDecided convert() {
        return new ProfitabilityDecided(ID, CONVERT, List.of(RAISE_PRICES), "serves at a loss");
    }

    @Test
    void aKeepOrAConvertWithItsLeversIsRecordedWithItsRationale() {
        fixture.given(registered())
                .when(new DecideProfitability(ID, KEEP, null, " profitable "))
                .expectEvents(new ProfitabilityDecided(ID, KEEP, List.of(), "profitable"));
        fixture.given(registered())
                .when(new DecideProfitability(ID, CONVERT, List.of(RAISE_PRICES, CHARGE_FOR_SERVICES), "loses on support"))
                .expectEvents(new ProfitabilityDecided(ID, CONVERT, List.of(RAISE_PRICES, CHARGE_FOR_SERVICES),
                        "loses on support"));
    }

    @Test
    void aConvertNamesItsLeversAndOnlyAConvertHasAny() {
        fixture.given(registered())
                .when(new DecideProfitability(ID, CONVERT, List.of(), "x"))
                .expectException(refusedBy(Rule.INVALID_VALUE, "a CONVERT names its levers"))
                .expectNoEvents();
        fixture.given(registered())
                .when(new DecideProfitability(ID, CONVERT, List.of(RAISE_PRICES, RAISE_PRICES), "x"))
                .expectException(refusedBy(Rule.INVALID_VALUE, "each lever once"))
                .expectNoEvents();
        fixture.given(registered())
                .when(new DecideProfitability(ID, KEEP, List.of(RAISE_PRICES), "x"))
                .expectException(refusedBy(Rule.INVALID_VALUE, "levers go with a CONVERT"))
                .expectNoEvents();
        fixture.given(registered())
                .when(new DecideProfitability(ID, KEEP, null, " "))
                .expectException(refusedBy(Rule.INVALID_VALUE, "rationale is required"))
                .expectNoEvents();
    }

    /** Seed 000: "if after trying to convert them they still remain unprofitable", not before. */
    @Test
    void aFireWithoutAConvertIsRefused() {
        fixture.given(decided())
                .when(new DecideProfitability(ID, FIRE, null, "loses money"))
                .expectException(refusedBy(Rule.FIRE_NEEDS_A_CONVERT_FIRST, "decide CONVERT first"))
                .expectNoEvents();
    }

    @Test
    void aFireBeforeTheConvertHasStoodTwoQuartersIsRefusedSayingFromWhen() {
        fixture.given(decided(convert(), CONVERTED))
                .when(new DecideProfitability(ID, FIRE, null, "still loses"), at(Instant.parse("2026-05-10T00:00:00Z")))
                .expectException(refusedBy(Rule.FIRE_NEEDS_A_CONVERT_FIRST, "FIRE is open from 2026-07-11T00:00:00Z"))
                .expectNoEvents();
    }

    @Test
    void aFireTwoQuartersAfterTheConvertIsRecorded() {
        fixture.given(decided(convert(), CONVERTED))
                .when(new DecideProfitability(ID, FIRE, null, "still loses"), at(Instant.parse("2026-07-11T00:00:00Z")))
                .expectEvents(new ProfitabilityDecided(ID, FIRE, List.of(), "still loses"));
    }

    @Test
    void aKeepEndsTheConvertAndASecondConvertDoesNotRestartIt() {
        fixture.given(decided(convert(), CONVERTED, new ProfitabilityDecided(ID, KEEP, List.of(), "turned around"),
                        Instant.parse("2026-03-01T00:00:00Z")))
                .when(new DecideProfitability(ID, FIRE, null, "loses again"), at(Instant.parse("2026-12-01T00:00:00Z")))
                .expectException(refusedBy(Rule.FIRE_NEEDS_A_CONVERT_FIRST, "decide CONVERT first"))
                .expectNoEvents();
        fixture.given(decided(convert(), CONVERTED, new ProfitabilityDecided(ID, CONVERT, List.of(CHARGE_FOR_SERVICES),
                        "and charge for support"), Instant.parse("2026-06-01T00:00:00Z")))
                .when(new DecideProfitability(ID, FIRE, null, "still loses"), at(Instant.parse("2026-07-11T00:00:00Z")))
                .expectEvents(new ProfitabilityDecided(ID, FIRE, List.of(), "still loses"));
    }

    @Test
    void aDisqualifiedProspectIsDecidedNothing() {
        fixture.given(registered(), new ProspectDisqualified(ID, "no budget"))
                .when(new DecideProfitability(ID, KEEP, null, "x"))
                .expectException(refusedBy(Rule.ACCOUNT_DISQUALIFIED, "disqualified"))
                .expectNoEvents();
    }
}
