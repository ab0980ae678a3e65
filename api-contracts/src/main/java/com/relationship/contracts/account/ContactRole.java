package com.relationship.contracts.account;

/**
 * The part a contact plays in the account's buying decisions (seed 004's Decision Making Unit;
 * the buying roles of HubSpot and the contact roles of Salesforce).
 */
public enum ContactRole {
    /** Signs off the purchase. */
    DECISION_MAKER,
    /** Shapes the decision without taking it (an expert, an adviser). */
    INFLUENCER,
    /** Negotiates and places the orders (purchasing). */
    BUYER,
    /** Works with what we sell every day. */
    USER,
    /** Controls who and what reaches the decision makers. */
    GATEKEEPER,
    /** Sells for us inside the account. */
    CHAMPION,
    /** A senior who backs the relationship and funds it. */
    SPONSOR
}
