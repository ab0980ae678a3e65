package com.relationship.projection.infra;

import com.relationship.contracts.events.AccountEventCodec;
import com.relationship.projection.status.AccountProjection;
import com.relationship.projection.status.AccountStatusProjector;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The framework-free parts, as beans. */
@Configuration(proxyBeanMethods = false)
class ProjectionConfig {

    @Bean
    AccountEventCodec accountEventCodec() {
        return new AccountEventCodec();
    }

    @Bean
    AccountProjection accountProjection() {
        return new AccountProjection(new AccountStatusProjector());
    }
}
