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

import static org.assertj.core.api.Assertions.assertThat;

/** {@code projection.dashboard.sign-in=local}: the launcher's token, to browsers on this machine only. */
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

    @Test
    void thePageItselfIsOpenAndForwardsToItsFile() {
        MvcTestResult result = mvc.get().uri("/dashboard").exchange();

        assertThat(result).hasStatusOk();
        assertThat(result.getResponse().getForwardedUrl()).isEqualTo("/dashboard/index.html");
    }
}
