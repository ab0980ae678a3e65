package com.relationship.projection.bonding;

import com.relationship.contracts.account.BondKind;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How strongly the account is bound at one instant: its bonds in force by kind, the deepest kind
 * held, a strength from 0 to 100, and the bonds that end soon. A pure function of the bonds and
 * the time, so time alone changes it (a bond past its validUntil no longer counts).
 *
 * @param highestLevel the deepest kind in force; null when no bond holds the account
 */
public record BondingLevel(Map<BondKind, List<Bond>> activeBonds, BondKind highestLevel, int strength,
                           List<Bond> expiringSoon, Instant at) {

    public static BondingLevel of(Collection<Bond> bonds, BondingModel model, Instant now) {
        List<Bond> active = bonds.stream().filter(bond -> bond.activeAt(now))
                .sorted(Comparator.comparing(Bond::since)).toList();
        Map<BondKind, List<Bond>> byKind = new EnumMap<>(BondKind.class);
        active.forEach(bond -> byKind.computeIfAbsent(bond.kind(), kind -> new java.util.ArrayList<>()).add(bond));
        byKind.replaceAll((kind, list) -> List.copyOf(list));
        BondKind highest = byKind.keySet().stream().max(Comparator.naturalOrder()).orElse(null);
        double points = 0;
        for (Map.Entry<BondKind, List<Bond>> kind : byKind.entrySet()) {
            int first = model.firstBondPoints().get(kind.getKey());
            int extras = Math.min(kind.getValue().size() - 1, model.maxExtraBonds());
            points += first * (1 + extras * model.extraBondShare());
        }
        Instant horizon = now.plus(model.expiringWithin());
        List<Bond> expiring = active.stream()
                .filter(bond -> bond.validUntil() != null && !bond.validUntil().isAfter(horizon))
                .sorted(Comparator.comparing(Bond::validUntil)).toList();
        return new BondingLevel(Map.copyOf(byKind), highest, (int) Math.min(100, Math.round(points)), expiring, now);
    }

    /** No bond deeper than FINANCIAL: a rival can copy what holds the account. */
    public boolean onlyFinancial() {
        return highestLevel == BondKind.FINANCIAL;
    }

    /** The earliest instant after {@code now} at which time alone changes this level (a bond ends or drops into "expiring soon"). */
    public static Instant nextChange(Collection<Bond> bonds, BondingModel model, Instant now) {
        Instant next = null;
        for (Bond bond : bonds) {
            for (Instant candidate : new Instant[]{bond.since(), bond.validUntil(),
                    bond.validUntil() == null ? null : bond.validUntil().minus(model.expiringWithin())}) {
                if (candidate != null && candidate.isAfter(now) && (next == null || candidate.isBefore(next))) {
                    next = candidate;
                }
            }
        }
        return next;
    }
}
