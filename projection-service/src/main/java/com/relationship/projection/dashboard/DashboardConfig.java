package com.relationship.projection.dashboard;

import com.mongodb.client.MongoDatabase;
import com.relationship.contracts.ContractJson;
import com.relationship.projection.funnel.FunnelQuery;
import com.relationship.projection.infra.ProjectionProperties;
import com.relationship.projection.status.AccountStatusStore;
import com.relationship.security.SubjectRateLimit;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Filter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.web.SecurityFilterChain;

import java.time.Clock;

/** The live dashboard: its hub and Kafka feed, the stream tickets, the page's headers and its sign-in. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DashboardProperties.class)
class DashboardConfig {

    /**
     * The page's Content-Security-Policy: scripts, styles, images and connections from this service
     * only; no inline script, no framing.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; frame-ancestors 'none'; base-uri 'none';"
            + " form-action 'self'; object-src 'none'";

    @Bean
    DashboardFunnels dashboardFunnels(FunnelQuery funnel, AccountStatusStore statuses, Clock clock) {
        return new DashboardFunnels(funnel, statuses, clock);
    }

    @Bean
    LiveHub liveHub(DashboardProperties properties, DashboardFunnels funnels, Clock clock) {
        ObjectMapper json = ContractJson.newObjectMapper();
        return new LiveHub(properties, () -> {
            try {
                return json.writeValueAsString(funnels.current());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("The dashboard funnel cannot be written as JSON", e);
            }
        }, clock);
    }

    @Bean
    LiveFeed liveFeed(KafkaProperties kafka, ProjectionProperties properties, LiveHub hub) {
        return new LiveFeed(kafka, properties.topics().status(), properties.topics().churnRisk(), hub);
    }

    @Bean
    StreamTickets streamTickets(MongoDatabase projectionDatabase, DashboardProperties properties, Clock clock) {
        return new StreamTickets(projectionDatabase.getCollection("dashboard_stream_tickets"), properties.ticketTtl(),
                clock, new SubjectRateLimit(properties.ticketRate().limit()));
    }

    @Bean
    FilterRegistrationBean<Filter> dashboardContentSecurityPolicy() {
        Filter policy = (request, response, chain) -> {
            ((jakarta.servlet.http.HttpServletResponse) response).setHeader("Content-Security-Policy",
                    CONTENT_SECURITY_POLICY);
            chain.doFilter(request, response);
        };
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(policy);
        registration.addUrlPatterns(DashboardPage.PATH, DashboardPage.PATH + "/*");
        return registration;
    }

    /** {@code projection.dashboard.sign-in=oidc}: the company's login, in a session on its own paths only. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "projection.dashboard.sign-in", havingValue = "oidc")
    static class Oidc {

        @Bean
        OidcSignIn oidcSignIn(OAuth2AuthorizedClientRepository authorizedClients, Clock clock) {
            return new OidcSignIn(authorizedClients, clock);
        }

        /**
         * Before the bearer-token chain, for the sign-in paths alone: the API stays stateless and
         * token-only; only the login and {@code /dashboard/sign-in} hold a session, which
         * {@code /dashboard/sign-in} answers 401 (with where to log in) while nobody is logged in.
         */
        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE)
        SecurityFilterChain oidcSignInChain(HttpSecurity http) throws Exception {
            http.securityMatcher(DashboardPage.PATH + "/sign-in", "/oauth2/**", "/login/oauth2/**")
                    .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                    .oauth2Login(login -> login.defaultSuccessUrl(DashboardPage.PATH, true));
            return http.build();
        }
    }
}
