package com.relationship.contracts.account;

import java.util.Optional;

/**
 * The loyalty lifecycle of docs/domain.md. The six ranked stages are a ladder
 * climbed one rung at a time; LAPSED and DISQUALIFIED stand beside the ladder.
 */
public enum LifecycleStage {
    PROSPECT(1),
    CUSTOMER(2),
    CLIENT(3),
    SUPPORTER(4),
    ADVOCATE(5),
    PARTNER(6),
    /** Switched to a competitor or stopped buying; remembers the stage it lapsed from. */
    LAPSED(0),
    /** A prospect that will not buy. */
    DISQUALIFIED(0);

    private final int rank;

    LifecycleStage(int rank) {
        this.rank = rank;
    }

    /** 1 (PROSPECT) to 6 (PARTNER); 0 for the states beside the ladder. */
    public int rank() {
        return rank;
    }

    public boolean isOnLadder() {
        return rank > 0;
    }

    /**
     * An account in this stage buys from us and can churn: CUSTOMER to PARTNER. A PROSPECT has nothing
     * to lose yet (its risk is a pipeline question), a LAPSED account is lost already, a DISQUALIFIED
     * one never bought. The churn watch lists hold these stages only.
     */
    public boolean canChurn() {
        return isOnLadder() && this != PROSPECT;
    }

    /** The names of the stages whose accounts can churn ({@link #canChurn()}), in ladder order: for queries. */
    public static java.util.List<String> namesThatCanChurn() {
        return java.util.Arrays.stream(values()).filter(LifecycleStage::canChurn).map(Enum::name).toList();
    }

    /** The stage one rung up, if there is one. */
    public Optional<LifecycleStage> next() {
        if (!isOnLadder() || this == PARTNER) {
            return Optional.empty();
        }
        return Optional.of(values()[ordinal() + 1]);
    }

    public boolean isAbove(LifecycleStage other) {
        return isOnLadder() && other.isOnLadder() && rank > other.rank;
    }
}
