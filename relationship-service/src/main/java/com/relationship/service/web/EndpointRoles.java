package com.relationship.service.web;

import com.relationship.security.AccessRules;
import com.relationship.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

/**
 * Who may call which endpoint of this service: the one table. It drives the token check and the
 * role a 403 names (security module); an endpoint missing here is refused to every token, so a
 * new endpoint is added here too. Health and the API documentation are open, the other actuator
 * endpoints need {@code admin}, for every service alike.
 */
@Configuration(proxyBeanMethods = false)
class EndpointRoles {

    private static final String ACCOUNT = "/api/v1/accounts/{accountId}";
    private static final String INTEGRITY_CHECKS = "/api/v1/admin/integrity-checks";

    @Bean
    AccessRules accessRules() {
        return AccessRules.builder()
                // commands
                .allow(POST, "/api/v1/accounts", Role.WRITER)
                .allow(POST, ACCOUNT + "/classification", Role.WRITER)
                .allow(POST, ACCOUNT + "/purchases", Role.WRITER)
                .allow(POST, ACCOUNT + "/referrals", Role.WRITER)
                .allow(POST, ACCOUNT + "/complaints", Role.WRITER)
                .allow(POST, ACCOUNT + "/complaints/{complaintId}/resolution", Role.WRITER)
                .allow(POST, ACCOUNT + "/co-development-engagements", Role.WRITER)
                .allow(POST, ACCOUNT + "/partnership-agreements", Role.WRITER)
                .allow(POST, ACCOUNT + "/compliance-reviews", Role.WRITER)
                .allow(POST, ACCOUNT + "/lifecycle/{action:advance|downgrade|lapse|win-back|disqualify|requalify}",
                        Role.WRITER)
                .allow(POST, ACCOUNT + "/kam/{action:designate|advance|uncouple}", Role.WRITER)
                // bonds, interactions and surveys
                .allow(POST, ACCOUNT + "/bonds", Role.WRITER)
                .allow(POST, ACCOUNT + "/bonds/{bondId}/dissolution", Role.WRITER)
                .allow(POST, ACCOUNT + "/interactions", Role.WRITER)
                .allow(POST, ACCOUNT + "/satisfaction-surveys", Role.WRITER)
                // the buying committee and the owner
                .allow(POST, ACCOUNT + "/contacts", Role.WRITER)
                .allow(POST, ACCOUNT + "/contacts/{contactId}/role", Role.WRITER)
                .allow(POST, ACCOUNT + "/contacts/{contactId}/departure", Role.WRITER)
                .allow(POST, ACCOUNT + "/owner", Role.WRITER)
                // judgements of value (issue 30)
                .allow(POST, ACCOUNT + "/value-assessments", Role.WRITER)
                .allow(POST, ACCOUNT + "/wallet-estimates", Role.WRITER)
                .allow(POST, ACCOUNT + "/relationship-level", Role.WRITER)
                // the cost to serve (issue 29)
                .allow(POST, ACCOUNT + "/service-activities", Role.WRITER)
                .allow(POST, ACCOUNT + "/profitability-decisions", Role.WRITER)
                // reads of the current state
                .allow(GET, ACCOUNT, Role.READER)
                .allow(GET, ACCOUNT + "/lifecycle/eligibility", Role.READER)
                // the audit trail
                .allow(GET, ACCOUNT + "/events", Role.AUDITOR)
                .allow(GET, ACCOUNT + "/history", Role.AUDITOR)
                .allow(GET, ACCOUNT + "/integrity", Role.AUDITOR)
                .allow(GET, ACCOUNT + "/state", Role.AUDITOR)
                .allow(GET, ACCOUNT + "/timeline", Role.AUDITOR)
                // reference data: exchange rates and the activity rate card (issue 29)
                .allow(PUT, "/api/v1/admin/exchange-rates/{month}", Role.ADMIN)
                .allow(GET, "/api/v1/admin/exchange-rates", Role.READER)
                .allow(GET, "/api/v1/admin/exchange-rates/{month}", Role.READER)
                .allow(GET, "/api/v1/admin/exchange-rates/{month}/versions", Role.READER)
                .allow(PUT, "/api/v1/admin/activity-rates", Role.ADMIN)
                .allow(GET, "/api/v1/admin/activity-rates", Role.READER)
                // operations over the whole store
                .allow(POST, INTEGRITY_CHECKS, Role.ADMIN)
                .allow(GET, INTEGRITY_CHECKS, Role.ADMIN)
                .allow(GET, INTEGRITY_CHECKS + "/{checkId}", Role.ADMIN)
                .allow(POST, "/api/v1/admin/relay-repairs", Role.ADMIN)
                // a contact as a data subject: what is held (GDPR Art. 15), its erasure (Art. 17)
                .allow(GET, "/api/v1/admin/data-subjects/{contactId}", Role.ADMIN)
                .allow(POST, "/api/v1/admin/data-subjects/{contactId}/erasure", Role.ADMIN)
                .build();
    }
}
