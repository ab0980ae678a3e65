package com.relationship.contracts.account;

/**
 * docs/domain.md, "Classification": a STRATEGIC customer brings future advantage, not just
 * revenue, and is what earns a PRE_KAM designation; a TACTICAL one is served for today's business.
 */
public enum Classification {
    STRATEGIC,
    TACTICAL
}
