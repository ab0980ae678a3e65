package com.relationship.contracts.account;

/** The touch point an interaction with the account happened on. */
public enum InteractionChannel {
    MEETING, CALL, EMAIL, VISIT, PORTAL, EVENT
}
