package com.relationship.projection.bonding;

import com.relationship.contracts.account.BondKind;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An account's bonding read model: the bonds not yet ended, the level they give at {@code level.at()},
 * and how the level moved.
 *
 * @param bonds   the bonds established and neither dissolved nor past their validUntil (one may
 *                start later than {@code level.at()}: it is kept, and counts from its start)
 * @param history the changes of highest level or strength, oldest first, capped (the newest kept)
 */
public record BondingView(UUID accountId, List<Bond> bonds, BondingLevel level, List<LevelChange> history,
                          long lastAppliedSequence) {

    public BondingView {
        bonds = List.copyOf(bonds);
        history = List.copyOf(history);
    }

    /**
     * One change of the level.
     *
     * @param highestLevel the deepest kind held after the change; null when no bond holds the account
     * @param cause        the id of the event that changed it, or "bond &lt;id&gt; ran out on &lt;instant&gt;"
     */
    public record LevelChange(Instant at, BondKind highestLevel, int strength, String cause) {
    }
}
