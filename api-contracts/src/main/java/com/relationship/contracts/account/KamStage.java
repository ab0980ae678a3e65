package com.relationship.contracts.account;

import java.util.Optional;

/** The Key Account Management track (docs/domain.md, "The KAM track"). */
public enum KamStage {
    PRE_KAM,
    EARLY_KAM,
    MID_KAM,
    PARTNERSHIP_KAM,
    SYNERGISTIC_KAM,
    /** The partnership is ended to avoid a cartel or too much dependency; entered from any KAM stage. */
    UNCOUPLING_KAM;

    /** The next stage forward; SYNERGISTIC_KAM and UNCOUPLING_KAM have none (uncoupling is not a step forward). */
    public Optional<KamStage> next() {
        if (this == SYNERGISTIC_KAM || this == UNCOUPLING_KAM) {
            return Optional.empty();
        }
        return Optional.of(values()[ordinal() + 1]);
    }
}
