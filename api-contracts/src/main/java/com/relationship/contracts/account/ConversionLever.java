package com.relationship.contracts.account;

/**
 * How an unprofitable account is to be converted to profitability (seed 000: raise prices, charge for
 * services, or "let customers fire themselves"), or made cheaper to serve.
 */
public enum ConversionLever {
    RAISE_PRICES, CHARGE_FOR_SERVICES, REMOVE_DISCOUNTS, REDUCE_COST_TO_SERVE
}
