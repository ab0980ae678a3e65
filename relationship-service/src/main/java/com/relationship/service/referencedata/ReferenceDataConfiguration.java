package com.relationship.service.referencedata;

import com.relationship.service.account.ReportingCurrency;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The reporting currency of the reference data as the aggregate's resource: an annual revenue registered
 * without a currency is recorded in it.
 */
@Configuration(proxyBeanMethods = false)
class ReferenceDataConfiguration {

    @Bean
    ReportingCurrency reportingCurrency(ReferenceDataProperties properties) {
        return new ReportingCurrency(properties.reportingCurrency());
    }
}
