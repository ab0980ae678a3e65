package com.relationship.contracts.account;

/**
 * What to do about an account's profitability (seed 000): "Keep profitable customers, convert unprofitable
 * ones to profitability, fire those who are not profitable", after trying to convert them.
 */
public enum ProfitabilityDecision {
    KEEP, CONVERT, FIRE
}
