package com.relationship.projection.dashboard;

import com.relationship.projection.web.EndpointRoles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code projection.dashboard.sign-in=oidc}: the page's sign-in sends a person to the company's
 * login (authorization code flow) and answers 401 with where to log in until they did; the API
 * stays bearer-only.
 */
@WebMvcTest(DashboardPage.class)
@Import({EndpointRoles.class, DashboardConfig.Oidc.class, OidcSignInTest.Settings.class})
@TestPropertySource(properties = {
        "projection.dashboard.sign-in=oidc",
        "spring.security.oauth2.client.registration.company.client-id=dashboard",
        "spring.security.oauth2.client.registration.company.client-secret=not-a-secret",
        "spring.security.oauth2.client.registration.company.authorization-grant-type=authorization_code",
        "spring.security.oauth2.client.registration.company.scope=openid",
        "spring.security.oauth2.client.registration.company.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
        "spring.security.oauth2.client.provider.company.authorization-uri=https://login.example.invalid/authorize",
        "spring.security.oauth2.client.provider.company.token-uri=https://login.example.invalid/token",
        "spring.security.oauth2.client.provider.company.jwk-set-uri=https://login.example.invalid/jwks"})
class OidcSignInTest {

    @Autowired
    MockMvcTester mvc;

    @TestConfiguration
    @EnableConfigurationProperties(DashboardProperties.class)
    static class Settings {
        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    @Test
    void beforeLoginTheSignInIsA401ThatSaysWhereToLogIn() {
        MvcTestResult result = mvc.get().uri("/dashboard/sign-in").exchange();

        assertThat(result).hasStatus(401).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("/problems/sign-in-required");
        assertThat(result).bodyJson().extractingPath("$.login").isEqualTo("/oauth2/authorization/company");
    }

    @Test
    void theLoginGoesToTheCompanysProviderWithTheAuthorizationCodeFlow() {
        MvcTestResult result = mvc.get().uri("/oauth2/authorization/company").exchange();

        assertThat(result).hasStatus(302);
        assertThat(result.getResponse().getRedirectedUrl())
                .startsWith("https://login.example.invalid/authorize?response_type=code&client_id=dashboard")
                .contains("scope=openid").contains("redirect_uri=");
    }

    @Test
    void theApiStaysBearerOnly() {
        MvcTestResult result = mvc.get().uri("/api/v1/dashboard/funnel").exchange();

        assertThat(result).hasStatus(401);
        assertThat(result.getResponse().getHeader("WWW-Authenticate")).startsWith("Bearer");
        assertThat(result.getResponse().getHeader("Set-Cookie")).as("no session for the API").isNull();
    }
}
