package com.relationship.projection.infra;

import com.relationship.contracts.events.AccountEventCodec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** The framework-free parts, as beans. */
@Configuration(proxyBeanMethods = false)
class ProjectionConfig {

    /** The read models' now: time passing moves views by it ({@code TimePasses}); tests replace it with a fixed one. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    AccountEventCodec accountEventCodec() {
        return new AccountEventCodec();
    }
}
