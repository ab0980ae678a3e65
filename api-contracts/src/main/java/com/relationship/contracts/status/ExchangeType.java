package com.relationship.contracts.status;

/**
 * The kinds of exchange between buyer and seller (docs/domain.md, "Account status and exchange
 * type"), from the easily switched to the deeply held: a transactional customer switches easily;
 * switching costs hold a collaborative one.
 */
public enum ExchangeType {
    /** Price and product; PROSPECT, CUSTOMER, LAPSED and DISQUALIFIED accounts. */
    TRANSACTIONAL,
    /** The seller adds value beyond the product; CLIENT and SUPPORTER accounts. */
    VALUE_ADDED,
    /** Joint work and shared decisions; ADVOCATE and PARTNER accounts. */
    COLLABORATIVE
}
