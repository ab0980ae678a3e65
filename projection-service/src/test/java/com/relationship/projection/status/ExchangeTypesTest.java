package com.relationship.projection.status;

import com.relationship.contracts.account.BondKind;
import com.relationship.contracts.account.LifecycleStage;
import com.relationship.contracts.status.ExchangeType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The exchange-type rule as a table: the stage sets the base, bonds in force lift it one step, never lower it. */
class ExchangeTypesTest {

    @ParameterizedTest(name = "{0} held by {1} trades {2}")
    @CsvSource(nullValues = "none", value = {
            "PROSPECT,     none,          TRANSACTIONAL",
            "PROSPECT,     STRUCTURAL,    TRANSACTIONAL",
            "CUSTOMER,     none,          TRANSACTIONAL",
            "CUSTOMER,     FINANCIAL,     TRANSACTIONAL",
            "CUSTOMER,     SOCIAL,        TRANSACTIONAL",
            "CUSTOMER,     CUSTOMIZATION, VALUE_ADDED",
            "CUSTOMER,     STRUCTURAL,    VALUE_ADDED",
            "CLIENT,       none,          VALUE_ADDED",
            "CLIENT,       CUSTOMIZATION, VALUE_ADDED",
            "CLIENT,       STRUCTURAL,    COLLABORATIVE",
            "SUPPORTER,    SOCIAL,        VALUE_ADDED",
            "SUPPORTER,    STRUCTURAL,    COLLABORATIVE",
            "ADVOCATE,     none,          COLLABORATIVE",
            "PARTNER,      FINANCIAL,     COLLABORATIVE",
            "LAPSED,       STRUCTURAL,    TRANSACTIONAL",
            "DISQUALIFIED, none,          TRANSACTIONAL"})
    void theStageSetsTheBaseAndDeepBondsLiftItOneStep(LifecycleStage stage, BondKind deepest, ExchangeType expected) {
        assertThat(ExchangeTypes.of(stage, deepest)).isEqualTo(expected);
    }
}
