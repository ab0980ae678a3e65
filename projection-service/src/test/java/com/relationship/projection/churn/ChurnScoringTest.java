package com.relationship.projection.churn;

import com.relationship.contracts.account.BondKind;
import com.relationship.contracts.account.LifecycleStage;
import com.relationship.contracts.account.SurveyInstrument;
import com.relationship.contracts.churn.ChurnBand;
import com.relationship.projection.bonding.Bond;
import com.relationship.projection.bonding.BondingModel;
import com.relationship.projection.churn.ChurnInputs.Complaint;
import com.relationship.projection.churn.ChurnInputs.Dated;
import com.relationship.projection.churn.ChurnInputs.Purchase;
import com.relationship.projection.churn.ChurnInputs.Survey;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static com.relationship.projection.churn.ChurnFactor.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Version 1 of the score, still selectable ({@code projection.churn.model-version=1}) and readable.
 * The seeds' principles as tables of cases (docs/domain.md, "Churn risk"): silence raises risk, a
 * structural bond lowers it, an overdue complaint raises it, a bad survey raises it, a lapsed
 * account is lost, and the factors' points always sum to the score.
 */
class ChurnScoringTest {

    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    private static final ChurnScoring SCORING = new ChurnScoring(ChurnModel.version1(), BondingModel.defaults());

    /** A CLIENT met 10 days ago, two purchases in each of the last two quarters, no complaint, no survey. */
    private static ChurnInputs client() {
        return new ChurnInputs(LifecycleStage.CLIENT, null, "stage-event", false, NOW.minus(Duration.ofDays(400)),
                new Dated(NOW.minus(Duration.ofDays(10)), "meeting-event"), List.of(), null,
                List.of(new Bond(UUID.randomUUID(), BondKind.FINANCIAL, "discount", NOW.minus(Duration.ofDays(200)),
                        null, "discount-event")),
                List.of(purchase(20), purchase(60), purchase(100), purchase(150)));
    }

    private static Purchase purchase(int daysAgo) {
        return new Purchase(NOW.minus(Duration.ofDays(daysAgo)), new BigDecimal("1000.00"), "EUR", "purchase-" + daysAgo);
    }

    private static ChurnInputs with(ChurnInputs a, UnaryOperator<Builder> change) {
        return change.apply(new Builder(a)).build();
    }

    static Stream<Arguments> principles() {
        return Stream.of(
                Arguments.of("silence raises risk", client(),
                        with(client(), b -> b.lastTwoWay(new Dated(NOW.minus(Duration.ofDays(75)), "old-meeting"))),
                        INDIFFERENCE),
                Arguments.of("no interaction ever is silence since registration", client(),
                        with(client(), b -> b.lastTwoWay(null)), INDIFFERENCE),
                Arguments.of("an overdue complaint raises it", client(),
                        with(client(), b -> b.complaint(new Complaint(UUID.randomUUID(), NOW.minus(Duration.ofDays(3)),
                                "complaint-event"))), UNHEARD_VOICE),
                Arguments.of("a bad survey raises it", with(client(), b -> b.survey(new Survey(9,
                                SurveyInstrument.NPS, NOW, "good-survey"))),
                        with(client(), b -> b.survey(new Survey(2, SurveyInstrument.NPS, NOW, "bad-survey"))),
                        SATISFACTION),
                Arguments.of("no bond at all is weaker than a discount", client(),
                        with(client(), b -> b.bonds(List.of())), WEAK_BONDS),
                Arguments.of("spend falling raises it", client(),
                        with(client(), b -> b.purchases(List.of(purchase(100), purchase(150)))), SPEND_TREND),
                Arguments.of("the switching stage is riskier than a client", client(),
                        with(client(), b -> b.stage(LifecycleStage.CUSTOMER)), STAGE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("principles")
    void eachPrincipleRaisesItsFactorAndTheScore(String principle, ChurnInputs better, ChurnInputs worse,
                                                 ChurnFactor factor) {
        ChurnScore before = SCORING.score(better, NOW);
        ChurnScore after = SCORING.score(worse, NOW);
        assertThat(after.factor(factor).points()).as(principle).isGreaterThan(before.factor(factor).points());
        assertThat(after.score()).as(principle).isGreaterThan(before.score());
        assertThat(after.factor(factor).reason()).isNotBlank();
    }

    @Test
    void aStructuralBondLowersIt() {
        ChurnInputs bound = with(client(), b -> b.bonds(List.of(new Bond(UUID.randomUUID(), BondKind.STRUCTURAL,
                "EDI", NOW.minus(Duration.ofDays(30)), null, "edi-event"))));
        ChurnScore withDiscount = SCORING.score(client(), NOW);
        ChurnScore withStructural = SCORING.score(bound, NOW);
        assertThat(withStructural.score()).isLessThan(withDiscount.score());
        assertThat(withStructural.factor(WEAK_BONDS).points()).isZero();
        assertThat(withStructural.factor(WEAK_BONDS).eventIds()).containsExactly("edi-event");
    }

    @Test
    void aLapsedAccountIsLost() {
        ChurnScore lapsed = SCORING.score(with(client(), b -> b.stage(LifecycleStage.LAPSED)
                .lapsedFrom(LifecycleStage.CLIENT)), NOW);
        assertThat(lapsed.score()).isEqualTo(100);
        assertThat(lapsed.band()).isEqualTo(ChurnBand.HIGH);
        assertThat(lapsed.factor(STAGE).reason()).contains("lapsed from CLIENT").contains("lost");
    }

    @Test
    void aDisqualifiedProspectHasNoRelationshipAtRisk() {
        ChurnScore score = SCORING.score(with(client(), b -> b.stage(LifecycleStage.DISQUALIFIED)), NOW);
        assertThat(score.score()).isZero();
        assertThat(score.nextRescoreAt()).isNull();
    }

    static Stream<ChurnInputs> variedAccounts() {
        List<ChurnInputs> cases = new ArrayList<>();
        for (LifecycleStage stage : LifecycleStage.values()) {
            for (int silentDays : new int[]{0, 20, 45, 90, 400}) {
                for (int survey : new int[]{-1, 0, 5, 10}) {
                    cases.add(with(client(), b -> b.stage(stage).lapsedFrom(stage == LifecycleStage.LAPSED
                                    ? LifecycleStage.SUPPORTER : null)
                            .lastTwoWay(new Dated(NOW.minus(Duration.ofDays(silentDays)), "m"))
                            .survey(survey < 0 ? null : new Survey(survey, SurveyInstrument.CSAT, NOW, "s"))
                            .complaint(survey == 0 ? new Complaint(UUID.randomUUID(), NOW.minus(Duration.ofDays(1)), "c")
                                    : null)));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("variedAccounts")
    void theFactorsPointsSumToTheScoreWhichStaysWithin0To100(ChurnInputs account) {
        ChurnScore score = SCORING.score(account, NOW);
        assertThat(score.factors().stream().mapToInt(ChurnScore.Points::points).sum()).isEqualTo(score.score());
        assertThat(score.score()).isBetween(0, 100);
        assertThat(score.factors()).extracting(ChurnScore.Points::factor).containsExactly(ChurnFactor.values());
        assertThat(score.factors()).allSatisfy(points -> assertThat(points.points()).isGreaterThanOrEqualTo(0));
        assertThat(score.modelVersion()).isEqualTo("1");
    }

    @Test
    void theBandsFollowTheConfiguredThresholds() {
        assertThat(SCORING.band(34)).isEqualTo(ChurnBand.LOW);
        assertThat(SCORING.band(35)).isEqualTo(ChurnBand.MEDIUM);
        assertThat(SCORING.band(60)).isEqualTo(ChurnBand.HIGH);
    }

    @Test
    void silenceAloneStartsToCountAfterOneCadenceAndTimeAloneRescores() {
        ChurnScore quiet = SCORING.score(client(), NOW);
        assertThat(quiet.factor(INDIFFERENCE).points()).isZero();
        assertThat(quiet.nextRescoreAt()).as("a CLIENT's 30-day cadence runs out 20 days from now")
                .isEqualTo(NOW.plus(Duration.ofDays(20)));
        ChurnScore silent = SCORING.score(client(), NOW.plus(Duration.ofDays(50)));
        assertThat(silent.factor(INDIFFERENCE).points()).as("60 days silent, two cadences: half way to full").isEqualTo(15);
        assertThat(silent.nextRescoreAt()).isEqualTo(NOW.plus(Duration.ofDays(51)));
        assertThat(SCORING.score(client(), NOW.plus(Duration.ofDays(200))).factor(INDIFFERENCE).points()).isEqualTo(30);
    }

    @Test
    void aKeyAccountCallsForAShorterCadence() {
        ChurnInputs key = with(client(), b -> b.keyAccount(true));
        assertThat(SCORING.score(key, NOW).factor(INDIFFERENCE).points()).isGreaterThan(0);
        assertThat(SCORING.score(key, NOW).factor(INDIFFERENCE).reason()).contains("key account").contains("7 days");
    }

    /** Issue 30: an MVC is to hear from us every day, an MGC every three days, whatever its stage's rhythm. */
    @Test
    void aValueTierWithAShorterCadenceHoldsTheAccountToIt() {
        UUID mvc = UUID.randomUUID();
        UUID slowTier = UUID.randomUUID();
        ChurnScoring tiered = new ChurnScoring(ChurnModel.version1(), BondingModel.defaults(), () -> null,
                id -> id.equals(mvc) ? new TierCadence("MVC", Duration.ofDays(1))
                        : id.equals(slowTier) ? new TierCadence("MGC", Duration.ofDays(60)) : null);

        ChurnScore held = tiered.score(mvc, client(), NOW);
        assertThat(held.factor(INDIFFERENCE).reason()).as("met 10 days ago: ten of an MVC's daily cadences")
                .isEqualTo("No two-way interaction for 10 days; an MVC (its value tier) calls for one every day.");
        assertThat(held.factor(INDIFFERENCE).points()).as("past 1 + 2 cadences: full points").isEqualTo(30);
        assertThat(tiered.score(UUID.randomUUID(), client(), NOW).factor(INDIFFERENCE).points())
                .as("an account without a tier: within a CLIENT's 30 days").isZero();
        assertThat(tiered.score(slowTier, client(), NOW).factor(INDIFFERENCE).reason())
                .as("a tier's cadence never lengthens the stage's").contains("a CLIENT calls for one every 30 days");
        ChurnInputs lapsed = with(client(), b -> b.stage(LifecycleStage.LAPSED).lapsedFrom(LifecycleStage.CLIENT));
        assertThat(tiered.score(mvc, lapsed, NOW).factor(INDIFFERENCE).reason())
                .as("a lapsed account is not a client: its stage's rhythm").contains("every 30 days");
    }

    @Test
    void weightsThatDoNotSumTo100AreRefused() {
        Map<ChurnFactor, Integer> weights = new EnumMap<>(ChurnModel.version1().weights());
        weights.put(INDIFFERENCE, 50);
        ChurnModel d = ChurnModel.version1();
        assertThatThrownBy(() -> new ChurnModel("2", weights, d.contactCadence(), d.keyAccountCadence(),
                d.indifferenceSpan(), d.spendPeriod(), d.mediumFrom(), d.highFrom(), d.rescoreStep()))
                .hasMessageContaining("sum to 100").hasMessageContaining("120");
    }

    /** Changes one thing of an account at a time, so each case states what differs. */
    private static final class Builder {
        private LifecycleStage stage;
        private LifecycleStage lapsedFrom;
        private boolean keyAccount;
        private Dated lastTwoWay;
        private final List<Complaint> complaints;
        private Survey survey;
        private List<Bond> bonds;
        private List<Purchase> purchases;
        private final ChurnInputs base;

        Builder(ChurnInputs a) {
            base = a;
            stage = a.stage();
            lapsedFrom = a.lapsedFrom();
            keyAccount = a.keyAccount();
            lastTwoWay = a.lastTwoWayInteraction();
            complaints = new ArrayList<>(a.openComplaints());
            survey = a.latestSurvey();
            bonds = a.bonds();
            purchases = a.purchases();
        }

        Builder stage(LifecycleStage value) { stage = value; return this; }
        Builder lapsedFrom(LifecycleStage value) { lapsedFrom = value; return this; }
        Builder keyAccount(boolean value) { keyAccount = value; return this; }
        Builder lastTwoWay(Dated value) { lastTwoWay = value; return this; }
        Builder complaint(Complaint value) { if (value != null) { complaints.add(value); } return this; }
        Builder survey(Survey value) { survey = value; return this; }
        Builder bonds(List<Bond> value) { bonds = value; return this; }
        Builder purchases(List<Purchase> value) { purchases = value; return this; }

        ChurnInputs build() {
            return new ChurnInputs(stage, lapsedFrom, base.stageEventId(), keyAccount, base.registeredAt(), lastTwoWay,
                    complaints, survey, bonds, purchases);
        }
    }
}
