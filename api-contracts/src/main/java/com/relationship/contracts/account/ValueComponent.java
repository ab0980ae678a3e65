package com.relationship.contracts.account;

/**
 * The judgements behind an account's lifetime value that the events cannot tell by themselves (seed 002,
 * Convergys's "Life Time Value" model): what the account manager assesses, with a rationale.
 */
public enum ValueComponent {
    /** The spending expected from the account: the average revenue index's projected part. */
    PROJECTED_SPEND,
    /** The signed contract's length: the current relationship index. */
    CONTRACT_LENGTH,
    /** How much more of its needs the account could buy from us: the share-of-client index. */
    OUTSOURCE_POTENTIAL,
    /** What the account may be worth beyond its spend (references, access, learning): the partnership index. */
    FUTURE_VALUE,
    /** How deeply our systems are woven into the account's (integration, reporting, portals): the entanglement index. */
    TECHNOLOGY_ENTANGLEMENT
}
