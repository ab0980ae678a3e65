package com.relationship.projection.dashboard;

import com.relationship.projection.web.EndpointRoles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code projection.dashboard.sign-in=local}: the launcher's token, to browsers on this machine only,
 * on a page opened by a loopback name ({@code Host} and {@code Origin}).
 */
@WebMvcTest(DashboardPage.class)
@Import({EndpointRoles.class, LocalSignInTest.Settings.class})
class LocalSignInTest {

    private static Path tokenFile;

    @Autowired
    MockMvcTester mvc;

    @TestConfiguration
    @EnableConfigurationProperties(DashboardProperties.class)
    static class Settings {
    }

    @DynamicPropertySource
    static void localSignIn(DynamicPropertyRegistry registry) throws IOException {
        tokenFile = Files.createTempFile("dashboard-reader", ".token");
        Files.writeString(tokenFile, "the.reader.token\n");
        registry.add("projection.dashboard.sign-in", () -> "local");
        registry.add("projection.dashboard.local-token-file", tokenFile::toString);
    }

    @AfterAll
    static void removeTheToken() throws IOException {
        Files.deleteIfExists(tokenFile);
    }

    @Test
    void aBrowserOnThisMachineGetsTheLaunchersTokenAndNothingCachesIt() {
        MvcTestResult result = mvc.get().uri("/dashboard/sign-in").exchange();

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.mode").isEqualTo("local");
        assertThat(result).bodyJson().extractingPath("$.token").isEqualTo("the.reader.token");
        assertThat(result.getResponse().getHeader("Cache-Control")).contains("no-store");
    }

    @Test
    void aBrowserOnAnotherMachineIsTold401() throws Exception {
        MvcTestResult result = mvc.get().uri("/dashboard/sign-in").with(request -> {
            request.setRemoteAddr("10.1.2.3");
            return request;
        }).exchange();

        assertThat(result).hasStatus(401).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("only on the machine");
        assertThat(result.getResponse().getContentAsString()).doesNotContain("the.reader.token");
    }

    /** Issue 33, finding 3: a DNS-rebinding page reaches 127.0.0.1 from this machine, under its own name. */
    @Test
    void aPageOpenedByAnotherNameIsTold403WhatToOpenAndNeverGetsTheToken() throws Exception {
        for (String host : List.of("rebind.example:8081", "rebind.example", "localhost.rebind.example:8081",
                "127.0.0.1.nip.io:8081", "localhost@rebind.example", "localhost:8081/x", "0.0.0.0:8081",
                "192.168.1.10:8081", "[::ffff:7f00:1]:8081", "")) {
            MvcTestResult result = mvc.get().uri("/dashboard/sign-in").header("Host", host).exchange();

            assertRefused(result, host);
        }
    }

    @Test
    void aRequestFromAnotherSitesOriginIsTold403EvenUnderALoopbackHost() throws Exception {
        for (String origin : List.of("http://rebind.example:8081", "https://evil.example", "null",
                "file://", "http://localhost.rebind.example", "chrome-extension://abc")) {
            MvcTestResult result = mvc.get().uri("/dashboard/sign-in").header("Host", "localhost:8081")
                    .header("Origin", origin).exchange();

            assertRefused(result, origin);
        }
    }

    @Test
    void everyLoopbackNameOnAnyPortGetsTheToken() {
        Map<String, String> hostAndOrigin = new LinkedHashMap<>();
        hostAndOrigin.put("localhost:8081", "http://localhost:8081");
        hostAndOrigin.put("127.0.0.1:18081", "http://127.0.0.1:18081");
        hostAndOrigin.put("[::1]:8081", "http://[::1]:8081");
        hostAndOrigin.put("LocalHost", null);
        hostAndOrigin.put("127.0.0.1", null);
        hostAndOrigin.forEach((host, origin) -> {
            MockMvcTester.MockMvcRequestBuilder request = mvc.get().uri("/dashboard/sign-in").header("Host", host);
            if (origin != null) {
                request.header("Origin", origin);
            }
            MvcTestResult result = request.exchange();

            assertThat(result.getResponse().getStatus()).as(host).isEqualTo(200);
            assertThat(result).bodyJson().extractingPath("$.token").isEqualTo("the.reader.token");
        });
    }

    private static void assertRefused(MvcTestResult result, String what) throws Exception {
        assertThat(result.getResponse().getStatus()).as(what).isEqualTo(403);
        assertThat(result.getResponse().getContentType()).as(what).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("/problems/sign-in-not-loopback");
        assertThat(result).bodyJson().extractingPath("$.detail").asString()
                .contains("open the dashboard as http://localhost:").contains("/dashboard");
        assertThat(result.getResponse().getContentAsString()).as(what).doesNotContain("the.reader.token");
        assertThat(result.getResponse().getHeader("Cache-Control")).contains("no-store");
    }

    @Test
    void thePageItselfIsOpenAndForwardsToItsFile() {
        MvcTestResult result = mvc.get().uri("/dashboard").exchange();

        assertThat(result).hasStatusOk();
        assertThat(result.getResponse().getForwardedUrl()).isEqualTo("/dashboard/index.html");
    }
}
