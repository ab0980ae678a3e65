package com.relationship.contracts.account;

/**
 * Who reached out. Only a TWO_WAY interaction shows the account's voice was heard (the
 * churn-risk read model measures indifference from the last one).
 */
public enum InteractionDirection {
    INBOUND, OUTBOUND, TWO_WAY
}
