package com.relationship.security;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Every endpoint but health (and the API's documentation) behind a bearer token, for both
 * services. An auto-configuration rather than a class each service imports: a service gets it by
 * depending on this module and cannot forget it, it comes before Boot's default chains (which
 * back off for our {@link SecurityFilterChain}), and test slices such as {@code @WebMvcTest} get
 * it too (see the slice's imports file). A service declares only its {@link AccessRules} bean.
 *
 * <p>Tokens are verified by Spring Boot's resource server from its own properties
 * ({@code spring.security.oauth2.resourceserver.jwt.*}): {@code issuer-uri}, {@code jwk-set-uri}
 * or {@code public-key-location} for the keys, {@code audiences}, {@code authorities-claim-name}
 * and {@code authority-prefix} for the roles. This class adds what Boot does not: the issuer
 * check where keys are not found through {@code issuer-uri} ({@link TokenSettings#issuer()}), a
 * required subject (the actor), a required expiry no further than
 * {@link TokenSettings#maxTokenLifetime()} away ({@link TokenLifetime}), and a refusal to start
 * without a key or audience (no open mode).
 */
@AutoConfiguration(
        afterName = "org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration",
        beforeName = {
                "org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration",
                "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
                "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity // Boot enables it too, but not in every test slice; importing it twice is harmless
@EnableConfigurationProperties({TokenSettings.class, OAuth2ResourceServerProperties.class})
public class TokenSecurityAutoConfiguration {

    private static final String JWT = "spring.security.oauth2.resourceserver.jwt.";

    /**
     * The order of the first servlet filter after Spring Security's chain (at Boot's default
     * {@code spring.security.filter.order}): a filter at this order or later only ever sees
     * authenticated requests and can read the {@link Actor}. Unauthenticated ones never get there.
     */
    public static final int AFTER_AUTHENTICATION = SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1;

    /** Picked up by Boot's JwtDecoder as an additional validator, whichever way it finds the keys. */
    @Bean
    OAuth2TokenValidator<Jwt> relationshipTokenValidator(TokenSettings settings,
                                                         OAuth2ResourceServerProperties resourceServer) {
        requireTokenVerification(settings, resourceServer.getJwt());
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        if (hasText(settings.issuer())) {
            validators.add(new JwtIssuerValidator(settings.issuer()));
        }
        validators.add(new JwtClaimValidator<String>(JwtClaimNames.SUB, TokenSecurityAutoConfiguration::hasText));
        validators.add(new TokenLifetime(settings.maxTokenLifetime(), Clock.systemUTC()));
        return new DelegatingOAuth2TokenValidator<>(validators);
    }

    @Bean
    SecurityFilterChain tokenSecurityFilterChain(HttpSecurity http, ObjectProvider<AccessRules> rules,
                                                 OAuth2ResourceServerProperties resourceServer, TokenSettings settings,
                                                 Environment environment) throws Exception {
        OAuth2ResourceServerProperties.Jwt jwt = resourceServer.getJwt();
        requireTokenVerification(settings, jwt);
        AccessRules table = rules.getIfAvailable(() -> {
            throw new IllegalStateException("No AccessRules bean: declare the table of this service's endpoints"
                    + " and the role each needs (AccessRules.builder()...build()) as a bean; without it every API"
                    + " call would be refused.");
        });
        String prefix = CallerRoles.authorityPrefix(jwt);
        String rolesClaim = hasText(jwt.getAuthoritiesClaimName()) ? jwt.getAuthoritiesClaimName() : "scope";
        EndpointAccess access = new EndpointAccess(table,
                environment.getProperty("management.endpoints.web.base-path", "/actuator"), prefix);
        String issuer = hasText(settings.issuer()) ? settings.issuer() : jwt.getIssuerUri();
        SecurityProblems problems = new SecurityProblems(access, new TokenRefusal(issuer, jwt.getAudiences()),
                rolesClaim);
        http.csrf(AbstractHttpConfigurer::disable) // bearer tokens, no cookies: nothing for CSRF to ride on
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .anonymous(Customizer.withDefaults())
                .authorizeHttpRequests(access::apply)
                .oauth2ResourceServer(server -> server.jwt(Customizer.withDefaults())
                        .authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems));
        return http.build();
    }

    /** The actor into the MDC, right after Spring Security's chain has authenticated the request. */
    /** Picked up by Spring Security's WebSecurity for the requests its firewall refuses. */

    @Bean
    RequestRejectedHandler problemJsonForRejectedRequests() {
        return new RejectedRequests();
    }

    @Bean
    FilterRegistrationBean<ActorLogging> actorLogging() {
        FilterRegistrationBean<ActorLogging> registration = new FilterRegistrationBean<>(new ActorLogging());
        registration.setOrder(AFTER_AUTHENTICATION);
        return registration;
    }

    /** No open mode: without a way to verify tokens, or without an audience, the service does not start. */
    static void requireTokenVerification(TokenSettings settings, OAuth2ResourceServerProperties.Jwt jwt) {
        boolean issuerUri = hasText(jwt.getIssuerUri());
        boolean keys = hasText(jwt.getJwkSetUri()) || jwt.getPublicKeyLocation() != null;
        if (!issuerUri && !keys) {
            throw new IllegalStateException("No token issuer configured, and this service does not run without"
                    + " one: set " + JWT + "issuer-uri to your identity provider (or " + JWT + "jwk-set-uri, or "
                    + JWT + "public-key-location to a PEM public key such as the local stack's"
                    + " token-signing-key.pub.pem, with relationship.security.issuer).");
        }
        if (!issuerUri && !hasText(settings.issuer())) {
            throw new IllegalStateException("Tokens are verified with " + (hasText(jwt.getJwkSetUri())
                    ? JWT + "jwk-set-uri" : JWT + "public-key-location") + " but no issuer is checked: set"
                    + " relationship.security.issuer to the 'iss' the tokens carry.");
        }
        if (issuerUri && hasText(settings.issuer()) && !settings.issuer().equals(jwt.getIssuerUri())) {
            throw new IllegalStateException(JWT + "issuer-uri (" + jwt.getIssuerUri() + ") and"
                    + " relationship.security.issuer (" + settings.issuer() + ") differ: set only one of them.");
        }
        if (jwt.getAudiences() == null || jwt.getAudiences().isEmpty()) {
            throw new IllegalStateException("No token audience configured: set " + JWT + "audiences to the 'aud'"
                    + " your identity provider puts in tokens for this service, so tokens issued for other"
                    + " applications are refused.");
        }
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
