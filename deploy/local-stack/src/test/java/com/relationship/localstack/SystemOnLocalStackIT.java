package com.relationship.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.relationship.projection.dashboard.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scenario on what the README's first command runs: the local stack, with its embedded
 * MongoDB (data on disk) and Kafka broker and both service jars as child JVMs; and a restart of
 * the whole stack on the same data directory, which must keep every account and event.
 */
class SystemOnLocalStackIT extends SystemScenario {

    @TempDir
    static Path dataDir;
    static LocalStackConfig config;
    static LocalStack stack;

    @BeforeAll
    static void startTheStack() {
        config = new LocalStackConfig(dataDir, freePort(), freePort(), freePort(), freePort(),
                Path.of(System.getProperty(LocalStackConfig.SERVICES_DIR, "target/services")),
                Duration.ofSeconds(240), false);
        stack = start(config);
    }

    @AfterAll
    static void stopTheStack() {
        if (stack != null) {
            stack.close();
        }
    }

    private static LocalStack start(LocalStackConfig config) {
        LocalStack started = new LocalStack(config, new PrintStream(System.out, true));
        started.start();
        return started;
    }

    @Override
    String commands() {
        return "http://127.0.0.1:" + config.relationshipPort();
    }

    @Override
    String readModels() {
        return "http://127.0.0.1:" + config.projectionPort();
    }

    @Override
    String kafkaBootstrapServers() {
        return "127.0.0.1:" + config.kafkaPort();
    }

    @Override
    Path keysDir() {
        return config.keysDir();
    }

    /**
     * The "open http://localhost:8081/dashboard" of docs/dashboard.md: the page signs in by itself with the
     * launcher's reader token, and a command made over REST while it is open shows in its funnel and
     * feed within two seconds, without a reload.
     */
    @Test
    void theDashboardSignsInByItselfAndShowsACommandMadeOverRestWithoutAReload() {
        try (Browser browser = Browser.open()) {
            browser.visit(readModels() + "/dashboard");
            browser.waitForAttribute("connection", "data-state", "live", Duration.ofSeconds(30));
            browser.waitForAttribute("funnel", "data-state", "loaded");
            String marker = browser.driver().findElement(Browser.testId("page-marker")).getAttribute("textContent");
            long customers = Long.parseLong(browser.driver().findElement(Browser.testId("funnel-CUSTOMER"))
                    .getAttribute("data-count"));
            String id = register("Dashboard Watchers Ltd");
            accepted(id, "/purchases", Map.of("amount", "900", "currency", "EUR", "occurredAt", "2026-03-14T09:30:00Z"));
            accepted(id, "/lifecycle/advance", Map.of("targetStage", "CUSTOMER"));
            long answered = System.nanoTime();

            browser.waitForAttribute("funnel-CUSTOMER", "data-count", Long.toString(customers + 1), Duration.ofSeconds(2));
            browser.waiting(Duration.ofSeconds(2)).until(driver -> !driver.findElements(org.openqa.selenium.By.cssSelector(
                    "[data-testid=feed-row][data-account-id='" + id + "']")).isEmpty());
            System.out.printf("the command showed on the dashboard %d ms after its answer%n",
                    java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - answered));
            assertThat(browser.driver().findElement(Browser.testId("page-marker")).getAttribute("textContent"))
                    .as("the same page, not a reload").isEqualTo(marker);
            browser.screenshot("local-stack-dashboard");
            browser.assertNoProblems();
        }
    }

    /**
     * A stack the relay left broken before issue 24 (accounts whose registration never reached the topic,
     * their later events there and parked by every read model) is repaired by a restart: the relay's first
     * reconciliation publishes each missing registration, and the read models then show the accounts.
     */
    @Test
    void aRestartRepairsAccountsWhoseRegistrationNeverReachedTheTopic() throws Exception {
        String source = register("Skipped Registration Source");
        accepted(source, "/purchases", Map.of("amount", "10", "currency", "EUR", "occurredAt", "2026-03-14T09:30:00Z"));
        accepted(source, "/purchases", Map.of("amount", "20", "currency", "EUR", "occurredAt", "2026-03-15T09:30:00Z"));
        statusOnceApplied(source, s -> s.get("lastAppliedSequence").asLong() == 2);

        stack.close();
        LocalStack infra = start(new LocalStackConfig(config.dataDir(), config.mongoPort(), config.kafkaPort(),
                config.relationshipPort(), config.projectionPort(), config.servicesDir(), config.startupTimeout(), true));
        List<String> broken;
        try {
            broken = SkippedRegistrations.make("mongodb://127.0.0.1:" + config.mongoPort(), kafkaBootstrapServers(),
                    source, 3);
        } finally {
            infra.close();
        }
        stack = start(config);

        for (String account : broken) {
            JsonNode status = statusOnceApplied(account, s -> s.get("lastAppliedSequence").asLong() == 2);
            assertThat(status.get("purchaseCount").asInt()).as(account).isEqualTo(2);
        }
        System.out.printf("after the restart the read models show all %d accounts whose registration was missing%n",
                broken.size());
    }

    @Test
    void aRestartOfTheWholeStackKeepsEveryAccountAndEvent() {
        Map.Entry<String, Long> account = accountAtPartner();
        String id = account.getKey();
        statusOnceApplied(id, s -> s.get("lastAppliedSequence").asLong() == 17);

        stack.close();
        stack = start(config);

        assertThat(get(commands() + "/api/v1/accounts/" + id + "/events").body()).hasSize(18);
        JsonNode status = get(readModels() + "/api/v1/accounts/" + id + "/status").body();
        assertThat(status.get("stage").asText()).isEqualTo("PARTNER");
        assertThat(status.get("stagePeriods")).hasSize(6);
        // The write side carries on from the stored history: the next event is number 18.
        assertThat(accepted(id, "/kam/uncouple", Map.of("reason", "dependency above 40%"))).isEqualTo(18);
        JsonNode after = statusOnceApplied(id, s -> s.get("lastAppliedSequence").asLong() == 18);
        assertThat(after.get("kamStage").asText()).isEqualTo("UNCOUPLING_KAM");
    }
}
