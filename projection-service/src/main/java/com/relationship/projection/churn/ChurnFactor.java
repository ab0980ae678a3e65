package com.relationship.projection.churn;

/** The factors of docs/domain.md, "Churn risk", each worth at most its weight in {@link ChurnModel}. */
public enum ChurnFactor {
    /** Days since the last two-way interaction against the contact cadence the stage calls for. */
    INDIFFERENCE,
    /** Complaints open past their due time. */
    UNHEARD_VOICE,
    /** The latest satisfaction survey. */
    SATISFACTION,
    /** Nothing deeper than FINANCIAL: low switching costs. */
    WEAK_BONDS,
    /** Purchases this period against the one before. */
    SPEND_TREND,
    /** PROSPECT and CUSTOMER are the switching stage; LAPSED is lost. */
    STAGE
}
