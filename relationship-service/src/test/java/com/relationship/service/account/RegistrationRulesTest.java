package com.relationship.service.account;

import com.relationship.contracts.account.Classification;
import com.relationship.contracts.commands.RegisterAccount;
import com.relationship.contracts.events.AccountRegistered;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Currency;

import static com.relationship.service.account.AccountFixtures.ID;
import static com.relationship.service.account.AccountFixtures.refusedBy;

/**
 * docs/domain.md, "Registration": the annual revenue is recorded with its currency (issue 29), the one the
 * command names or the configured reporting currency. A refusal writes no event.
 */
class RegistrationRulesTest {

    private static final BigDecimal REVENUE = new BigDecimal("250000000.00");

    private static RegisterAccount register(BigDecimal revenue, String currency) {
        return new RegisterAccount(ID, "Acme", "Manufacturing", 1200, revenue, "EMEA", Classification.STRATEGIC,
                currency);
    }

    private static AccountRegistered registered(BigDecimal revenue, String currency) {
        return new AccountRegistered(ID, "Acme", "Manufacturing", 1200, revenue, "EMEA", Classification.STRATEGIC,
                null, currency);
    }

    @Test
    void theRevenueIsRecordedInTheCurrencyGiven() {
        AccountFixtures.fixture().givenNoPriorActivity()
                .when(register(REVENUE, "CHF"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(registered(REVENUE, "CHF"));
    }

    @Test
    void withoutACurrencyTheRevenueIsRecordedInTheReportingCurrency() {
        AccountFixtures.fixture().givenNoPriorActivity()
                .when(register(REVENUE, null))
                .expectEvents(registered(REVENUE, "EUR"));
        AccountFixtures.fixture(new ReportingCurrency(Currency.getInstance("USD"))).givenNoPriorActivity()
                .when(register(REVENUE, null))
                .expectEvents(registered(REVENUE, "USD"));
    }

    @Test
    void withoutARevenueThereIsNoCurrency() {
        AccountFixtures.fixture().givenNoPriorActivity()
                .when(register(null, null))
                .expectEvents(registered(null, null));
    }

    @Test
    void aCurrencyWithoutARevenueIsRefused() {
        AccountFixtures.fixture().givenNoPriorActivity()
                .when(register(null, "EUR"))
                .expectException(refusedBy(Rule.INVALID_VALUE, "annualRevenueCurrency without annualRevenue"))
                .expectNoEvents();
    }

    @Test
    void aCurrencyThatIsNoIso4217CodeIsRefused() {
        for (String code : new String[]{"EURO", "eur", "ABC"}) {
            AccountFixtures.fixture().givenNoPriorActivity()
                    .when(register(REVENUE, code))
                    .expectException(refusedBy(Rule.INVALID_VALUE, "annualRevenueCurrency"))
                    .expectNoEvents();
        }
    }
}
