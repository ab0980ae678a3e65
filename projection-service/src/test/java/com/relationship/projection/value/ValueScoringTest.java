package com.relationship.projection.value;

import com.relationship.contracts.account.BondKind;
import com.relationship.contracts.account.LifecycleStage;
import com.relationship.contracts.account.ValueComponent;
import com.relationship.projection.bonding.Bond;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Each index of the lifetime value model scored from its inputs (tables), and the points they add up to. */
class ValueScoringTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final UUID ACCOUNT = new UUID(3, 3);
    private final ValueScoring scoring = new ValueScoring(ValueProperties.defaults().weights());

    private static ValueView view(Instant clientSince, List<Bond> bonds, List<ValueView.Touch> touches,
                                  List<ValueView.Touch> referrals, Map<ValueComponent, ValueView.Judgement> judgements) {
        return new ValueView(ACCOUNT, "Acme", "alice", LifecycleStage.CLIENT, null, clientSince, bonds, touches, referrals,
                judgements, List.of(), null, 9);
    }

    private static ValueView plain() {
        return view(NOW.minus(Duration.ofDays(365 * 3)), List.of(), List.of(), List.of(), Map.of());
    }

    private static ValueScoring.Revenue revenue(String amount) {
        return new ValueScoring.Revenue(new BigDecimal(amount), true, List.of("p-" + amount));
    }

    private static ValueScoring.Inputs inputs(ValueView view, String thisYear, String priorYear) {
        return new ValueScoring.Inputs(view, new BigDecimal(thisYear), new BigDecimal("50.0"), revenue(thisYear),
                revenue(priorYear), null, null, null, null, "EUR", NOW);
    }

    private IndexScore index(ValueScoring.Inputs in, ValueIndex index) {
        return scoring.score(in).stream().filter(s -> s.index() == index).findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "{0} after {1}: {2}")
    @CsvSource({
            "1000, 1000, 50.0",
            "1500, 1000, 75.0",
            "2000, 1000, 100.0",
            "5000, 1000, 100.0",
            "500, 1000, 25.0",
            "0, 1000, 0.0",
            "1000, 0, 75.0",
            "0, 0, 0.0"})
    void revenueChangeIsFiftyForTheSameSpendAndMovesHalfAPointPerPercent(String thisYear, String priorYear, String score) {
        IndexScore change = index(inputs(plain(), thisYear, priorYear), ValueIndex.REVENUE_CHANGE);

        assertThat(change.score()).isEqualByComparingTo(score);
        assertThat(change.points()).as("a quarter of it, to one decimal").isEqualByComparingTo(new BigDecimal(score)
                .multiply(new BigDecimal("0.25")).setScale(1, java.math.RoundingMode.HALF_EVEN));
    }

    @Test
    void averageRevenueIsTheSpendsPercentileAndSaysAProjectedSpendItAveraged() {
        Map<ValueComponent, ValueView.Judgement> judgements = new EnumMap<>(ValueComponent.class);
        judgements.put(ValueComponent.PROJECTED_SPEND, new ValueView.Judgement(null, new BigDecimal("3000"), "EUR",
                "budget for 2027", NOW, "j1"));
        ValueScoring.Inputs in = new ValueScoring.Inputs(view(null, List.of(), List.of(), List.of(), judgements),
                new BigDecimal("2000.00"), new BigDecimal("90.0"), revenue("1000"), revenue("1000"),
                new BigDecimal("3000.00"), null, null, null, "EUR", NOW);

        IndexScore average = index(in, ValueIndex.AVERAGE_REVENUE);

        assertThat(average.score()).isEqualByComparingTo("90.0");
        assertThat(average.points()).isEqualByComparingTo("18.0");
        assertThat(average.eventIds()).containsExactly("p-1000", "j1");
        assertThat(average.reason()).contains("projected 3,000.00 (averaged: 2,000.00)").contains("above 90.0%");
    }

    @Test
    void yearsAsClientCountTenAYearAveragedWithTheContractAssessed() {
        Map<ValueComponent, ValueView.Judgement> judgements = new EnumMap<>(ValueComponent.class);
        judgements.put(ValueComponent.CONTRACT_LENGTH, new ValueView.Judgement(null, new BigDecimal("36"), null,
                "three-year frame agreement", NOW, "c1"));
        ValueView view = view(NOW.minus(Duration.ofDays(365 * 4)), List.of(), List.of(), List.of(), judgements);

        IndexScore relationship = index(inputs(view, "1", "1"), ValueIndex.CURRENT_RELATIONSHIP);

        assertThat(relationship.score()).as("(40 + 36/60 of 100) / 2").isEqualByComparingTo("50.0");
        assertThat(index(inputs(view(null, List.of(), List.of(), List.of(), Map.of()), "1", "1"),
                ValueIndex.CURRENT_RELATIONSHIP).score()).as("never a client").isEqualByComparingTo("0");
    }

    @Test
    void entanglementCountsBondsInForceAndLastYearsPortalAndEmailTouches() {
        List<Bond> bonds = List.of(
                new Bond(UUID.randomUUID(), BondKind.STRUCTURAL, "EDI link", NOW.minus(Duration.ofDays(400)), null, "b1"),
                new Bond(UUID.randomUUID(), BondKind.CUSTOMIZATION, "custom firmware", NOW.minus(Duration.ofDays(30)), null, "b2"),
                new Bond(UUID.randomUUID(), BondKind.CUSTOMIZATION, "ran out", NOW.minus(Duration.ofDays(300)),
                        NOW.minus(Duration.ofDays(1)), "b3"),
                new Bond(UUID.randomUUID(), BondKind.SOCIAL, "golf", NOW.minus(Duration.ofDays(30)), null, "b4"));
        List<ValueView.Touch> touches = List.of(new ValueView.Touch(NOW.minus(Duration.ofDays(10)), "PORTAL", "t1"),
                new ValueView.Touch(NOW.minus(Duration.ofDays(20)), "EMAIL", "t2"),
                new ValueView.Touch(NOW.minus(Duration.ofDays(400)), "PORTAL", "t3"));

        IndexScore entanglement = index(inputs(view(null, bonds, touches, List.of(), Map.of()), "1", "1"),
                ValueIndex.TECHNOLOGY_ENTANGLEMENT);

        assertThat(entanglement.score()).as("30 + 15 + 2 + 1").isEqualByComparingTo("48.0");
        assertThat(entanglement.eventIds()).containsExactlyInAnyOrder("b1", "b2", "t1", "t2");
    }

    @Test
    void shareOfClientGivesNoPointsForWhatNobodyRecorded() {
        IndexScore nothing = index(inputs(plain(), "1", "1"), ValueIndex.SHARE_OF_CLIENT);
        assertThat(nothing.points()).isEqualByComparingTo("0");
        assertThat(nothing.reason()).startsWith("Neither an outsource potential assessed nor a wallet estimate");

        ValueScoring.Inputs withWallet = new ValueScoring.Inputs(plain(), BigDecimal.ONE, BigDecimal.ONE, revenue("1"),
                revenue("1"), null, new BigDecimal("30.0"), "w1", null, "EUR", NOW);
        assertThat(index(withWallet, ValueIndex.SHARE_OF_CLIENT).score()).as("room: 100 - 30").isEqualByComparingTo("70.0");
    }

    @Test
    void partnershipAddsTheMostSeniorContactReachedAReferralAndTheFutureValue() {
        Map<ValueComponent, ValueView.Judgement> judgements = new EnumMap<>(ValueComponent.class);
        judgements.put(ValueComponent.FUTURE_VALUE, new ValueView.Judgement(50, null, null, "opens the DACH market", NOW, "f1"));
        ValueView view = view(null, List.of(), List.of(),
                List.of(new ValueView.Touch(NOW.minus(Duration.ofDays(100)), "REFERRAL", "r1")), judgements);
        ValueScoring.Inputs in = new ValueScoring.Inputs(view, BigDecimal.ONE, BigDecimal.ONE, revenue("1"), revenue("1"),
                null, null, null, new ValueScoring.ContactReached("DECISION_MAKER", true, NOW.minus(Duration.ofDays(5)), "i1"),
                "EUR", NOW);

        IndexScore partnership = index(in, ValueIndex.PARTNERSHIP);

        assertThat(partnership.score()).as("40 + 30 + 15").isEqualByComparingTo("85.0");
        assertThat(partnership.points()).isEqualByComparingTo("8.5");
        assertThat(partnership.eventIds()).containsExactly("i1", "r1", "f1");
    }

    @Test
    void theScoreIsTheSumOfTheIndicesPointsAndUnpricedRevenueGivesNone() {
        ValueScoring.Inputs unpriced = new ValueScoring.Inputs(plain(), BigDecimal.ZERO, BigDecimal.ZERO, null, null, null,
                null, null, null, "EUR", NOW);
        List<IndexScore> indices = scoring.score(unpriced);

        assertThat(indices).extracting(IndexScore::index).containsExactly(ValueIndex.values());
        assertThat(indices.get(0).reason()).startsWith("Its revenue is not priced yet");
        assertThat(ValueScoring.total(indices)).isEqualByComparingTo(indices.stream().map(IndexScore::points)
                .reduce(BigDecimal.ZERO, BigDecimal::add));
        assertThat(ValueScoring.total(indices)).as("three years as client: 30 of 15 points' index").isEqualByComparingTo("4.5");
    }
}
