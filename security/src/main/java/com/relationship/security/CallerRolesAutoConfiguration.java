package com.relationship.security;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;

/**
 * {@link CallerRoles} for any application context, web or not: a controller that shapes its answer by
 * role is also created where no request is served (a test context without a web server).
 */
@AutoConfiguration
@EnableConfigurationProperties(OAuth2ResourceServerProperties.class)
public class CallerRolesAutoConfiguration {

    @Bean
    CallerRoles callerRoles(OAuth2ResourceServerProperties resourceServer) {
        return new CallerRoles(CallerRoles.authorityPrefix(resourceServer.getJwt()));
    }
}
