package com.relationship.security.test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.relationship.security.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a service's health tells someone who is not an admin: its status and nothing more. The
 * details name failing accounts and events, exception text and broker addresses, so both services
 * show them to an admin token only; this is the one check of it they share.
 */
public final class HealthProbes {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private HealthProbes() {
    }

    /** Health, readiness and liveness, without a token and with every role but admin: status only. */
    public static void assertStatusOnlyWithoutAdmin(int port) throws Exception {
        String[] tokens = {null, TestTokens.token("rita", Role.READER, Role.WRITER, Role.AUDITOR)};
        for (String token : tokens) {
            for (String path : new String[] {"/actuator/health", "/actuator/health/readiness", "/actuator/health/liveness"}) {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
                if (token != null) {
                    request.header("Authorization", "Bearer " + token);
                }
                HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
                String who = path + (token == null ? " without a token" : " for a token without admin");
                assertThat(response.statusCode()).as(who).isIn(200, 503);
                assertThat(response.body()).as(who).containsPattern("\"status\":\"(UP|DOWN)\"")
                        .doesNotContain("\"components\"").doesNotContain("\"details\"");
            }
        }
    }
}
