package com.relationship.projection.bonding;

import com.relationship.contracts.account.BondKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/domain.md, "Bonds and bonding level": deeper bonds bind far more, and time alone ends a bond. */
class BondingLevelTest {

    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    private final BondingModel model = BondingModel.defaults();

    static Bond bond(BondKind kind, Instant since, Instant validUntil) {
        return new Bond(UUID.randomUUID(), kind, kind + " bond", since, validUntil, "event-" + kind);
    }

    static Bond bond(BondKind kind) {
        return bond(kind, NOW.minus(Duration.ofDays(100)), null);
    }

    @Test
    void noBondIsNoStrength() {
        BondingLevel level = BondingLevel.of(List.of(), model, NOW);
        assertThat(level.strength()).isZero();
        assertThat(level.highestLevel()).isNull();
    }

    @Test
    void aStructuralBondBindsFarMoreThanADiscount() {
        int financial = BondingLevel.of(List.of(bond(BondKind.FINANCIAL)), model, NOW).strength();
        int structural = BondingLevel.of(List.of(bond(BondKind.STRUCTURAL)), model, NOW).strength();
        assertThat(financial).isEqualTo(10);
        assertThat(structural).isEqualTo(40);
        assertThat(BondingLevel.of(List.of(bond(BondKind.FINANCIAL), bond(BondKind.FINANCIAL),
                bond(BondKind.FINANCIAL), bond(BondKind.FINANCIAL)), model, NOW).strength())
                .as("many discounts are still worth less than one structural bond").isLessThan(structural);
    }

    @Test
    void oneBondOfEveryKindIsFullStrengthAndTheDeepestIsTheLevel() {
        BondingLevel level = BondingLevel.of(List.of(bond(BondKind.FINANCIAL), bond(BondKind.SOCIAL),
                bond(BondKind.CUSTOMIZATION), bond(BondKind.STRUCTURAL), bond(BondKind.STRUCTURAL)), model, NOW);
        assertThat(level.strength()).isEqualTo(100);
        assertThat(level.highestLevel()).isEqualTo(BondKind.STRUCTURAL);
        assertThat(level.activeBonds().get(BondKind.STRUCTURAL)).hasSize(2);
    }

    @Test
    void aBondPastItsValidUntilNoLongerCountsWithoutACommand() {
        Bond discount = bond(BondKind.FINANCIAL, NOW.minus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(5)));
        assertThat(BondingLevel.of(List.of(discount), model, NOW).strength()).isEqualTo(10);
        assertThat(BondingLevel.of(List.of(discount), model, NOW).expiringSoon()).containsExactly(discount);
        BondingLevel later = BondingLevel.of(List.of(discount), model, NOW.plus(Duration.ofDays(5)));
        assertThat(later.strength()).isZero();
        assertThat(later.highestLevel()).isNull();
    }

    @Test
    void theNextChangeIsWhenABondEntersItsLastMonthOrEnds() {
        Bond discount = bond(BondKind.FINANCIAL, NOW.minus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(45)));
        assertThat(BondingLevel.nextChange(List.of(discount), model, NOW)).isEqualTo(NOW.plus(Duration.ofDays(15)));
        assertThat(BondingLevel.nextChange(List.of(discount), model, NOW.plus(Duration.ofDays(15))))
                .isEqualTo(NOW.plus(Duration.ofDays(45)));
        assertThat(BondingLevel.nextChange(List.of(bond(BondKind.SOCIAL)), model, NOW)).isNull();
    }
}
