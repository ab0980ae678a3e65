package com.relationship.projection.churn;

import java.time.Duration;

/**
 * The contact cadence an account's value tier calls for (issue 30, seed 002's Convergys table): an MVC is to hear
 * from us every day, an MGC every three days ("a couple of times weekly"). Where it is shorter than the stage's, it
 * is the cadence churn's indifference holds the account to.
 *
 * @param tier  the tier's name (MVC, MGC)
 * @param every how often it calls for a two-way interaction
 */
public record TierCadence(String tier, Duration every) {
}
