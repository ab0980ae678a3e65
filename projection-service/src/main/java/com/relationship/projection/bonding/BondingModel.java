package com.relationship.projection.bonding;

import com.relationship.contracts.account.BondKind;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * How strongly bonds bind (docs/domain.md, "Bonds and bonding level"): each kind's points for its
 * first bond, deeper kinds far more (a structural bond protects far more than a discount); each
 * further bond of a kind adds {@code extraBondShare} of its points, for at most
 * {@code maxExtraBonds} more. One bond of every kind makes 100.
 *
 * @param expiringWithin how far ahead a bond's end counts as "expiring soon"
 */
public record BondingModel(Map<BondKind, Integer> firstBondPoints, double extraBondShare, int maxExtraBonds,
                           Duration expiringWithin) {

    public BondingModel {
        firstBondPoints = Map.copyOf(firstBondPoints);
        for (BondKind kind : BondKind.values()) {
            if (firstBondPoints.getOrDefault(kind, -1) < 0) {
                throw new IllegalArgumentException("firstBondPoints needs points (>= 0) for " + kind);
            }
        }
        if (extraBondShare < 0 || maxExtraBonds < 0) {
            throw new IllegalArgumentException("extraBondShare and maxExtraBonds must not be negative");
        }
    }

    public static BondingModel defaults() {
        Map<BondKind, Integer> points = new EnumMap<>(BondKind.class);
        points.put(BondKind.FINANCIAL, 10);
        points.put(BondKind.SOCIAL, 20);
        points.put(BondKind.CUSTOMIZATION, 30);
        points.put(BondKind.STRUCTURAL, 40);
        return new BondingModel(points, 0.25, 2, Duration.ofDays(30));
    }
}
