package com.relationship.contracts.account;

/**
 * The buying situation of a purchase (seed 001, the buy classes of organisational buying): how much
 * the buyer had to think, and so how much the seller's effort counted.
 */
public enum BuyClass {
    /** Bought for the first time: the buyer searches, compares and asks the most. */
    NEW_TASK,
    /** A repeat purchase with something changed (specification, price, supplier): open to competitors again. */
    MODIFIED_REBUY,
    /** A routine reorder from the same supplier: the relationship's own momentum. */
    STRAIGHT_REBUY,
    /** A whole solution bought from one supplier instead of its parts (systems buying and selling). */
    SYSTEMS_BUYING
}
