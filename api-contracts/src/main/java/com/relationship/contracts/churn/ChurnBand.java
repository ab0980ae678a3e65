package com.relationship.contracts.churn;

/** How likely the account is to leave, in three bands of the churn-risk score (0 to 100). */
public enum ChurnBand {
    LOW, MEDIUM, HIGH
}
