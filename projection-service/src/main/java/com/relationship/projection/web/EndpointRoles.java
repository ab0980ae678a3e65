package com.relationship.projection.web;

import com.relationship.security.AccessRules;
import com.relationship.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

/**
 * Who may call which endpoint of this service: the one table. It drives the token check and the
 * role a 403 names (security module); an endpoint missing here is refused to every token, so a
 * new endpoint is added here too. Health and the API documentation are open, the other actuator
 * endpoints need {@code admin}, for every service alike.
 */
@Configuration(proxyBeanMethods = false)
public class EndpointRoles {

    @Bean
    AccessRules accessRules() {
        return AccessRules.builder()
                // read models
                .allow(GET, "/api/v1/accounts", Role.READER)
                .allow(GET, "/api/v1/accounts/{id}/status", Role.READER)
                .allow(GET, "/api/v1/funnel", Role.READER)
                .allow(GET, "/api/v1/accounts/{id}/bonding", Role.READER)
                .allow(GET, "/api/v1/accounts/{id}/churn-risk", Role.READER)
                .allow(GET, "/api/v1/accounts/{id}/churn-risk/history", Role.READER)
                .allow(GET, "/api/v1/churn-risk", Role.READER)
                .allow(GET, "/api/v1/accounts/{id}/timeline", Role.READER)
                .allow(GET, "/api/v1/accounts/{id}/committee", Role.READER)
                .allow(GET, "/api/v1/accounts/{id}/profitability", Role.READER)
                .allow(GET, "/api/v1/portfolio/whale-curve", Role.READER)
                .allow(GET, "/api/v1/accounts/{id}/value", Role.READER)
                .allow(GET, "/api/v1/portfolio/tiers", Role.READER)
                // the dashboard: its snapshots and stream tickets; the page, its files, its sign-in and the
                // stream (which takes a single-use ticket, EventSource cannot send a token) are open
                .allow(GET, "/api/v1/dashboard/funnel", Role.READER)
                .allow(GET, "/api/v1/dashboard/watch-list", Role.READER)
                .allow(POST, "/api/v1/dashboard/stream-tickets", Role.READER)
                .open(GET, "/api/v1/dashboard/stream")
                .open(GET, "/dashboard")
                .open(GET, "/dashboard/**")
                .open(GET, "/webjars/**")
                // operations
                .allow(POST, "/api/v1/admin/dead-letters/redrive", Role.ADMIN)
                .allow(POST, "/api/v1/admin/churn-backtests", Role.ADMIN)
                // A backtest's report is figures about the whole base, no account's data: readers (the dashboard's
                // report page) may read it; only an admin starts one.
                .allow(GET, "/api/v1/admin/churn-backtests", Role.READER)
                .allow(GET, "/api/v1/admin/churn-backtests/{backtestId}", Role.READER)
                .allow(POST, "/api/v1/admin/rebuilds", Role.ADMIN)
                .allow(GET, "/api/v1/admin/rebuilds", Role.ADMIN)
                .allow(GET, "/api/v1/admin/rebuilds/{rebuildId}", Role.ADMIN)
                .allow(POST, "/api/v1/admin/rebuilds/{rebuildId}/swap", Role.ADMIN)
                .build();
    }
}
