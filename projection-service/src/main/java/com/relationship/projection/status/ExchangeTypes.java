package com.relationship.projection.status;

import com.relationship.contracts.account.BondKind;
import com.relationship.contracts.account.LifecycleStage;
import com.relationship.contracts.status.ExchangeType;

/**
 * How an account trades with us (docs/domain.md, "Account status and exchange type"; seed 000's
 * continuum from transactional through value-added to collaborative exchanges). The stage sets where
 * the account stands, and the bonds in force lift it one step, never lower it:
 * <ul>
 *   <li>PROSPECT, LAPSED and DISQUALIFIED accounts are TRANSACTIONAL whatever they hold: no trade is
 *       under way that a bond could add value to.</li>
 *   <li>A CUSTOMER is TRANSACTIONAL (price and product), VALUE_ADDED once a CUSTOMIZATION or
 *       STRUCTURAL bond holds it: services customised to its needs are what the seed calls value added.</li>
 *   <li>CLIENT and SUPPORTER are VALUE_ADDED, COLLABORATIVE once a STRUCTURAL bond holds them: the
 *       operational linkages and mutual commitments of a collaborative exchange.</li>
 *   <li>ADVOCATE and PARTNER are COLLABORATIVE: they co-develop and share decisions with us.</li>
 * </ul>
 * FINANCIAL and SOCIAL bonds lift nothing: a rival can match a discount or a lunch.
 */
public final class ExchangeTypes {

    private ExchangeTypes() {
    }

    /**
     * @param deepestBond the deepest kind of bond in force; null when none holds the account
     */
    public static ExchangeType of(LifecycleStage stage, BondKind deepestBond) {
        boolean customised = deepestBond == BondKind.CUSTOMIZATION || deepestBond == BondKind.STRUCTURAL;
        return switch (stage) {
            case PROSPECT, LAPSED, DISQUALIFIED -> ExchangeType.TRANSACTIONAL;
            case CUSTOMER -> customised ? ExchangeType.VALUE_ADDED : ExchangeType.TRANSACTIONAL;
            case CLIENT, SUPPORTER -> deepestBond == BondKind.STRUCTURAL ? ExchangeType.COLLABORATIVE
                    : ExchangeType.VALUE_ADDED;
            case ADVOCATE, PARTNER -> ExchangeType.COLLABORATIVE;
        };
    }
}
