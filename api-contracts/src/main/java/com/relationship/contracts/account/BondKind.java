package com.relationship.contracts.account;

/**
 * The four kinds of bond of docs/domain.md, weakest first: each is harder for a rival to copy
 * than the one before, so it raises the account's switching costs more.
 */
public enum BondKind {
    /** Discounts, bundles, loyalty programmes: easily copied by a rival. */
    FINANCIAL,
    /** Named personal relationships, contacts who call freely. */
    SOCIAL,
    /** Customisations delivered; a learning relationship. */
    CUSTOMIZATION,
    /** Joint investments, shared processes, integrated systems. */
    STRUCTURAL;

    /** 1 (FINANCIAL) to 4 (STRUCTURAL). */
    public int level() {
        return ordinal() + 1;
    }
}
