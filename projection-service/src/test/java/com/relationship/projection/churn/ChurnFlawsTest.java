package com.relationship.projection.churn;

import com.relationship.contracts.account.BondKind;
import com.relationship.contracts.account.LifecycleStage;
import com.relationship.contracts.account.SurveyInstrument;
import com.relationship.contracts.churn.ChurnBand;
import com.relationship.projection.bonding.Bond;
import com.relationship.projection.bonding.BondingModel;
import com.relationship.projection.churn.ChurnInputs.Dated;
import com.relationship.projection.churn.ChurnInputs.Purchase;
import com.relationship.projection.churn.ChurnInputs.Survey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static com.relationship.projection.churn.ChurnFactor.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The flaws of version 1 that issue 27 names, each a case that version 1 gets wrong and version 2
 * (the default) gets right: the same account, scored by both, and the judgement a customer-success
 * manager would make.
 */
class ChurnFlawsTest {

    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    private static final ChurnScoring V1 = new ChurnScoring(ChurnModel.version1(), BondingModel.defaults());
    private static final ChurnScoring V2 = new ChurnScoring(ChurnModel.defaults(), BondingModel.defaults());

    private static Instant daysAgo(long days) {
        return NOW.minus(Duration.ofDays(days));
    }

    private static Purchase purchase(long daysAgo, String amount) {
        return new Purchase(daysAgo(daysAgo), new BigDecimal(amount), "EUR", "purchase-" + daysAgo);
    }

    /** Bought every {@code every} days from {@code from} days ago until {@code until} days ago, 1,000 EUR each. */
    private static List<Purchase> everyDays(int every, int from, int until) {
        List<Purchase> purchases = new ArrayList<>();
        for (int days = from; days >= until; days -= every) {
            purchases.add(purchase(days, "1000.00"));
        }
        return purchases;
    }

    private static Bond bond(BondKind kind) {
        return new Bond(UUID.randomUUID(), kind, kind + " bond", daysAgo(300), null, kind + "-event");
    }

    private static ChurnInputs account(LifecycleStage stage, Dated lastMeeting, Survey survey, List<Bond> bonds,
                                       List<Purchase> purchases) {
        return new ChurnInputs(stage, null, "stage-event", false, daysAgo(800), lastMeeting, List.of(), survey, bonds,
                purchases);
    }

    private static Dated meeting(long daysAgo) {
        return new Dated(daysAgo(daysAgo), "meeting-" + daysAgo);
    }

    private static Survey survey(int score, long daysAgo) {
        return new Survey(score, SurveyInstrument.NPS, daysAgo(daysAgo), "survey-" + daysAgo);
    }

    /** A judgement about a pair of accounts (or one twice): true when the score reads the situation right. */
    interface Judgement {
        boolean holds(ChurnScoring scoring);
    }

    private static Judgement of(ChurnInputs account, Predicate<ChurnScore> right) {
        return scoring -> right.test(scoring.score(account, NOW));
    }

    private static Judgement more(ChurnFactor factor, ChurnInputs riskier, ChurnInputs safer) {
        return scoring -> scoring.score(riskier, NOW).factor(factor).points()
                > scoring.score(safer, NOW).factor(factor).points();
    }

    static Stream<Arguments> flaws() {
        ChurnInputs dormant = account(LifecycleStage.CLIENT, meeting(5), null, List.of(bond(BondKind.STRUCTURAL)),
                everyDays(30, 410, 200));
        ChurnInputs oneLargeOrder = account(LifecycleStage.CLIENT, meeting(5), survey(9, 10),
                List.of(bond(BondKind.STRUCTURAL)), List.of(purchase(150, "1000.00"), purchase(120, "1000.00"),
                        purchase(20, "5000.00")));
        ChurnInputs noSurvey = account(LifecycleStage.CLIENT, meeting(5), null, List.of(), everyDays(30, 300, 10));
        ChurnInputs promoter = account(LifecycleStage.CLIENT, meeting(5), survey(10, 1), List.of(), everyDays(30, 300, 10));
        ChurnInputs oldBadSurvey = account(LifecycleStage.CLIENT, meeting(5), survey(2, 3 * 365), List.of(),
                everyDays(30, 300, 10));
        ChurnInputs freshBadSurvey = account(LifecycleStage.CLIENT, meeting(5), survey(2, 1), List.of(),
                everyDays(30, 300, 10));
        ChurnInputs social = account(LifecycleStage.CLIENT, meeting(5), null, List.of(bond(BondKind.SOCIAL)),
                everyDays(30, 300, 10));
        ChurnInputs structural = account(LifecycleStage.CLIENT, meeting(5), null, List.of(bond(BondKind.STRUCTURAL)),
                everyDays(30, 300, 10));
        ChurnInputs silent200 = account(LifecycleStage.CLIENT, meeting(5), null, List.of(), everyDays(60, 500, 200));
        ChurnInputs silent100 = account(LifecycleStage.CLIENT, meeting(5), null, List.of(), everyDays(60, 400, 100));
        return Stream.of(
                Arguments.of("a CLIENT that stopped buying 200 days ago, where it bought monthly, is not LOW",
                        of(dormant, score -> score.band() != ChurnBand.LOW)),
                Arguments.of("one large order against two small ones is no fall in spend",
                        of(oneLargeOrder, score -> score.factor(SPEND_TREND).points() == 0)),
                Arguments.of("no survey is not as good as a promoter's",
                        more(SATISFACTION, noSurvey, promoter)),
                Arguments.of("a three-year-old bad survey counts less than yesterday's",
                        more(SATISFACTION, freshBadSurvey, oldBadSurvey)),
                Arguments.of("a SOCIAL bond holds less than a STRUCTURAL one",
                        more(WEAK_BONDS, social, structural)),
                Arguments.of("silence on orders keeps raising the risk",
                        more(SPEND_TREND, silent200, silent100)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flaws")
    void version1GetsItWrongAndVersion2Right(String flaw, Judgement judgement) {
        assertThat(judgement.holds(V1)).as("version 1: " + flaw).isFalse();
        assertThat(judgement.holds(V2)).as("version 2: " + flaw).isTrue();
    }

    @Test
    void theDormantClientsSpendFactorSaysWhy() {
        ChurnInputs dormant = account(LifecycleStage.CLIENT, meeting(5), null, List.of(bond(BondKind.STRUCTURAL)),
                everyDays(30, 410, 200));
        ChurnScore score = V2.score(dormant, NOW);
        assertThat(score.factor(SPEND_TREND).points()).isEqualTo(30);
        assertThat(score.factor(SPEND_TREND).reason()).contains("Last purchase 200 days ago", "about every 30 days",
                "Revenue in the last 12 months 6000.00 EUR against 2000.00 EUR in the 12 before");
        assertThat(score.factor(SPEND_TREND).eventIds()).contains("purchase-200");
        assertThat(score.factor(SATISFACTION).reason()).contains("No satisfaction survey yet", "prior, 50%");
        assertThat(score.modelVersion()).isEqualTo("2");
    }

    /** What its churn would cost: the last 12 months' revenue weighed by its band's assumed lapse chance. */
    @Test
    void revenueAtRiskWeighsTheYearsRevenueByTheBandsPriorAndSaysItIsAPrior() {
        ChurnInputs dormant = account(LifecycleStage.CLIENT, meeting(5), null, List.of(bond(BondKind.STRUCTURAL)),
                everyDays(30, 410, 200));
        ChurnScore score = V2.score(dormant, NOW);
        assertThat(score.band()).isEqualTo(ChurnBand.MEDIUM);
        ChurnScore.RevenueAtRisk atRisk = score.revenueAtRisk();
        assertThat(atRisk.revenue()).isEqualByComparingTo("6000.00");
        assertThat(atRisk.currency()).isEqualTo("EUR");
        assertThat(atRisk.lapseProbability()).isEqualTo(0.20);
        assertThat(atRisk.amount()).isEqualByComparingTo("1200.00");
        assertThat(atRisk.basis()).contains("MEDIUM band's assumed lapse chance", "lapse-prior.medium",
                "no backtest has calibrated the model yet");
        assertThat(V1.score(dormant, NOW).revenueAtRisk()).as("version 1 has none").isNull();
        ChurnInputs prospect = account(LifecycleStage.PROSPECT, meeting(5), null, List.of(), List.of(purchase(10, "50.00")));
        assertThat(V2.score(prospect, NOW).revenueAtRisk()).as("a prospect cannot churn").isNull();
    }

    @Test
    void withRescaleAFactorWithoutDataIsLeftOutAndTheOthersMake100() {
        ChurnModel d = ChurnModel.defaults();
        ChurnModel rescaled = new ChurnModel("2.1", d.weights(), d.contactCadence(), d.keyAccountCadence(),
                d.indifferenceSpan(), d.spendPeriod(), d.mediumFrom(), d.highFrom(), d.rescoreStep(),
                new ChurnModel.Judgement(Duration.ofDays(365), Duration.ofDays(90), 2.0, Duration.ofDays(180),
                        ChurnModel.MissingData.RESCALE, 0.5));
        ChurnInputs lost = new ChurnInputs(LifecycleStage.CUSTOMER, null, "stage-event", false, daysAgo(800), null,
                List.of(), null, List.of(), List.of(purchase(700, "10.00")));
        ChurnScore score = new ChurnScoring(rescaled, BondingModel.defaults()).score(lost, NOW);
        assertThat(score.factor(SATISFACTION).points()).isZero();
        assertThat(score.factor(SATISFACTION).reason()).contains("Left out", "missing-data=rescale");
        // Silent since registration, no bond, no purchase for 700 days, CUSTOMER: each of those at its full
        // weight scaled by 100/90; no complaint (the unheard voice, 15 of the 90) gives nothing.
        assertThat(score.score()).isEqualTo(100 - Math.round(15 * 100 / 90.0));
    }

    @ParameterizedTest
    @EnumSource(value = ChurnModel.MissingData.class)
    void theFactorsPointsSumToTheScoreWithin0To100(ChurnModel.MissingData missingData) {
        ChurnModel d = ChurnModel.defaults();
        ChurnScoring scoring = new ChurnScoring(new ChurnModel("2", d.weights(), d.contactCadence(),
                d.keyAccountCadence(), d.indifferenceSpan(), d.spendPeriod(), d.mediumFrom(), d.highFrom(),
                d.rescoreStep(), new ChurnModel.Judgement(Duration.ofDays(365), Duration.ofDays(90), 2.0,
                Duration.ofDays(180), missingData, 0.5)), BondingModel.defaults());
        for (LifecycleStage stage : LifecycleStage.values()) {
            for (int silentDays : new int[] {0, 45, 400}) {
                for (int surveyScore : new int[] {-1, 0, 7, 10}) {
                    for (List<Purchase> purchases : List.of(List.<Purchase>of(), everyDays(45, 600, silentDays),
                            List.of(purchase(silentDays, "99.99")))) {
                        ChurnInputs account = new ChurnInputs(stage, stage == LifecycleStage.LAPSED
                                ? LifecycleStage.CLIENT : null, "s", false, daysAgo(900), meeting(silentDays), List.of(),
                                surveyScore < 0 ? null : survey(surveyScore, silentDays), List.of(), purchases);
                        ChurnScore score = scoring.score(account, NOW);
                        assertThat(score.factors().stream().mapToInt(ChurnScore.Points::points).sum())
                                .isEqualTo(score.score());
                        assertThat(score.score()).isBetween(0, 100);
                        assertThat(score.factors()).allSatisfy(p -> assertThat(p.points()).isNotNegative());
                        assertThat(score.factors()).allSatisfy(p -> assertThat(p.reason()).isNotBlank());
                        if (stage == LifecycleStage.LAPSED) {
                            assertThat(score.score()).as("a lapsed account is lost").isEqualTo(100);
                        }
                    }
                }
            }
        }
    }

    @Test
    void timeAloneRescoresWhileSilenceOnOrdersGrows() {
        ChurnInputs monthly = account(LifecycleStage.CLIENT, meeting(1), survey(9, 1), List.of(), everyDays(30, 300, 10));
        ChurnScore now = V2.score(monthly, NOW);
        assertThat(now.nextRescoreAt()).isNotNull().isAfter(NOW);
        ChurnScore later = V2.score(monthly, NOW.plus(Duration.ofDays(60)));
        assertThat(later.factor(SPEND_TREND).points()).isGreaterThan(now.factor(SPEND_TREND).points());
    }
}
