package com.relationship.projection.bonding;

import com.relationship.contracts.account.BondKind;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * How bonds bind, as configuration ({@code projection.bonding.*}); every default is
 * {@link BondingModel#defaults()}. A bad value fails the start with the property's name.
 *
 * @param points         a kind's points for its first bond ({@code financial}, {@code social},
 *                       {@code customization}, {@code structural}); a kind left out keeps its default
 * @param extraShare     the share of a kind's points each further bond of that kind adds
 * @param maxExtra       how many further bonds of a kind count
 * @param expiringWithin how far ahead a bond's end counts as "expiring soon"
 * @param historyCap     level changes kept per account (the newest)
 */
@ConfigurationProperties("projection.bonding")
public record BondingProperties(Map<BondKind, Integer> points, @DefaultValue("0.25") double extraShare,
                                @DefaultValue("2") int maxExtra, @DefaultValue("30d") Duration expiringWithin,
                                @DefaultValue("100") int historyCap) {

    private static final String P = "projection.bonding.";

    public BondingProperties {
        Map<BondKind, Integer> p = new EnumMap<>(BondingModel.defaults().firstBondPoints());
        if (points != null) {
            p.putAll(points);
        }
        points = Map.copyOf(p);
        points.forEach((kind, value) -> require(value != null && value >= 0,
                "points." + kind.name().toLowerCase() + " must be 0 or more, is " + value));
        require(extraShare >= 0, "extra-share must be 0 or more, is " + extraShare);
        require(maxExtra >= 0, "max-extra must be 0 or more, is " + maxExtra);
        require(expiringWithin != null && !expiringWithin.isNegative(),
                "expiring-within must be 0 or more, is " + expiringWithin);
        require(historyCap >= 1, "history-cap must be at least 1, is " + historyCap);
    }

    public BondingModel toModel() {
        return new BondingModel(points, extraShare, maxExtra, expiringWithin);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(P + message);
        }
    }
}
