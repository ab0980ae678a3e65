package com.relationship.contracts;

import com.relationship.contracts.events.AccountEvent;
import com.relationship.contracts.events.AccountEventVisitor;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every event type calls the visitor's method for its own type, with itself, and answers what that method answers. */
class AccountEventVisitorTest {

    @Test
    void eachEventTypeCallsItsOwnMethod() {
        List<Class<?>> called = new ArrayList<>();
        @SuppressWarnings("unchecked")
        AccountEventVisitor<String> visitor = (AccountEventVisitor<String>) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[]{AccountEventVisitor.class}, (proxy, method, args) -> {
                    called.add(method.getParameterTypes()[0]);
                    assertThat(args).hasSize(1);
                    assertThat(method.getParameterTypes()[0]).isEqualTo(args[0].getClass());
                    return "visited " + args[0].getClass().getSimpleName();
                });
        for (AccountEvent event : EventGoldenFilesTest.samples()) {
            assertThat(event.accept(visitor)).isEqualTo("visited " + event.getClass().getSimpleName());
        }
        assertThat(called).containsExactlyInAnyOrderElementsOf(
                Arrays.asList(AccountEvent.class.getPermittedSubclasses()));
        assertThat(AccountEventVisitor.class.getMethods()).hasSize(AccountEvent.class.getPermittedSubclasses().length);
    }
}
