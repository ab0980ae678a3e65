package com.relationship.projection.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.relationship.contracts.ContractJson;
import com.relationship.contracts.account.ContactRole;
import com.relationship.contracts.account.InteractionChannel;
import com.relationship.contracts.account.InteractionDirection;
import com.relationship.contracts.account.LifecycleStage;
import com.relationship.contracts.events.AccountEvent;
import com.relationship.contracts.events.AccountEventCodec;
import com.relationship.contracts.events.AccountLapsed;
import com.relationship.contracts.events.AccountRegistered;
import com.relationship.contracts.events.AccountWonBack;
import com.relationship.contracts.events.ComplaintOpened;
import com.relationship.contracts.events.ContactAdded;
import com.relationship.contracts.events.ContactLeft;
import com.relationship.contracts.events.EnvelopedAccountEvent;
import com.relationship.contracts.events.InteractionRecorded;
import com.relationship.contracts.events.LifecycleStageAdvanced;
import com.relationship.contracts.events.LifecycleStageDowngraded;
import com.relationship.contracts.events.ProspectDisqualified;
import com.relationship.contracts.events.PurchaseRecorded;
import com.relationship.infra.embedded.Infrastructure;
import com.relationship.infra.embedded.TestInfrastructure;
import com.relationship.projection.ingest.MovableClock;
import com.relationship.projection.ingest.TimePasses;
import com.relationship.security.Role;
import com.relationship.security.test.TestTokens;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dashboard page in a real headless Chromium against the service on the embedded stack, with a
 * fixed clock the test moves. Accounts are seeded as the relay publishes them: CloudEvents on the
 * events topic, with the times, actors and reasons the test chooses (REST commands would stamp the
 * wall clock's time). The browser reaches the service through a relay the test can cut.
 * Topics, consumer groups and the database are this test's own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest {

    private static final Infrastructure infra = TestInfrastructure.shared();
    private static final String EVENTS = "dashboard-it.account-events";
    private static final String REFERENCE = "dashboard-it.reference-data";
    private static final Instant T0 = Instant.parse("2026-06-01T09:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final AccountEventCodec codec = new AccountEventCodec();
    private static final ObjectMapper json = ContractJson.newObjectMapper();
    private static final HttpClient http = HttpClient.newHttpClient();
    private static final String READER = TestTokens.token("rita", Role.READER);
    private static Path tokenFile;
    private static KafkaProducer<String, byte[]> producer;
    private static Browser browser;
    private static CuttableProxy proxy;

    @LocalServerPort
    int port;

    @Autowired
    org.springframework.kafka.config.KafkaListenerEndpointRegistry listenerRegistry;

    @Autowired
    MovableClock clock;

    @Autowired
    TimePasses timePasses;

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock(T0);
        }
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws IOException {
        infra.createTopic(EVENTS, 3, false);
        infra.createTopic(REFERENCE, 3, true);
        tokenFile = Files.createTempFile("dashboard-reader", ".token");
        Files.writeString(tokenFile, READER);
        registry.add("spring.mongodb.uri", () -> infra.mongoUri("dashboard_it"));
        registry.add("spring.kafka.bootstrap-servers", infra::kafkaBootstrapServers);
        registry.add("spring.kafka.consumer.group-id", () -> "dashboard-it");
        registry.add("projection.topics.events", () -> EVENTS);
        registry.add("projection.topics.status", () -> "dashboard-it.account-status");
        registry.add("projection.topics.churn-risk", () -> "dashboard-it.churn-risk");
        registry.add("projection.topics.dead-letter", () -> EVENTS + ".DLT");
        registry.add("projection.topics.status-partitions", () -> "3");
        registry.add("projection.topics.dead-letter-partitions", () -> "3");
        registry.add("projection.time.initial-delay", () -> "1h"); // time passes when this test says
        registry.add("projection.dashboard.sign-in", () -> "local");
        registry.add("projection.dashboard.local-token-file", tokenFile::toString);
        // The funnel is sent at most once a tick: a short tick keeps what check 3 measures the pipeline's
        // latency (event -> status -> feed -> page), not where in the tick the change fell.
        registry.add("projection.dashboard.funnel-tick", () -> "250ms");
        registry.add("projection.dashboard.heartbeat", () -> "5s");
        registry.add("projection.profitability.reference-data-topic", () -> REFERENCE);
        registry.add("projection.value.tier-settle", () -> "0s"); // published as ranked: what this test waits for
    }

    @BeforeAll
    static void startProducer() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void stopAll() throws IOException {
        producer.close();
        if (browser != null) {
            browser.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        Files.deleteIfExists(tokenFile);
    }

    /** The browser, opened once for the class, and the relay in front of this context's port. */
    private Browser browser() throws IOException {
        if (proxy == null) {
            proxy = new CuttableProxy(port);
        }
        if (browser == null) {
            browser = Browser.open();
        }
        return browser;
    }

    private String page() {
        return "http://127.0.0.1:" + proxy.port() + "/dashboard";
    }

    /**
     * Waits until the status read model's consumers have settled on their partitions: a few seconds after the
     * context starts, the second consumer's join makes the group give up every partition for up to the broker's
     * initial rebalance delay (3 s), and a change made then would show late for a reason the two seconds this
     * test measures are not about.
     */
    private void awaitSettledStatusListener() {
        org.springframework.kafka.listener.MessageListenerContainer container = listenerRegistry.getListenerContainer(
                com.relationship.projection.ingest.ReadModelListeners.containerId("account-status"));
        assertThat(container).as("the status read model's listener").isNotNull();
        List<? extends org.springframework.kafka.listener.MessageListenerContainer> consumers =
                container instanceof org.springframework.kafka.listener.ConcurrentMessageListenerContainer<?, ?> c
                        ? c.getContainers() : List.of(container);
        int expected = Math.min(consumers.size(), 3);
        await().atMost(WAIT).until(() -> consumers.stream().filter(consumer -> consumer.getAssignedPartitions() != null
                && !consumer.getAssignedPartitions().isEmpty()).count() == expected);
    }

    private Browser openLive() throws IOException {
        Browser b = browser();
        b.visit(page());
        b.waitForAttribute("connection", "data-state", "live");
        b.waitForAttribute("funnel", "data-state", "loaded");
        b.waitForAttribute("watch-list", "data-state", "loaded");
        return b;
    }

    @Test
    @Order(1)
    void thePageLoadsFromTheServiceAloneWithoutAnErrorAndGoesLive() throws Exception {
        Browser b = browser();
        b.visit(page());
        // The shell is there before any data: every funnel cell and the watch list's table.
        for (String stage : List.of("PROSPECT", "CUSTOMER", "CLIENT", "SUPPORTER", "ADVOCATE", "PARTNER", "LAPSED",
                "DISQUALIFIED", "PRE_KAM", "UNCOUPLING_KAM")) {
            b.waitForTestId("funnel-" + stage);
        }
        b.waitForTestId("watch-list");
        b.waitForAttribute("connection", "data-state", "live");
        b.waitForAttribute("funnel", "data-state", "loaded");
        b.waitForAttribute("watch-list", "data-state", "loaded");

        b.screenshot("dashboard-empty");
        b.assertNoProblems();
        assertThat(b.foreignRequests(page())).as("every asset and call from the service itself").isEmpty();
        assertThat(b.requests()).anyMatch(url -> url.endsWith("/dashboard/js/app.js"))
                .anyMatch(url -> url.contains("/api/v1/dashboard/stream?ticket="));
        HttpResponse<String> shell = http.send(HttpRequest.newBuilder(URI.create(page())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(shell.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
                assertThat(policy).startsWith("default-src 'self'"));
    }

    @Test
    @Order(2)
    void eachFunnelCellShowsTheSeededCountAndTheMedianTimeInStage() throws Exception {
        JsonNode before = funnel();
        // PROSPECT since 10, 4 and 1 days: median 4 days. CUSTOMER since 6 and 2 days: median 4 days.
        for (Duration ago : List.of(DAY.multipliedBy(10), DAY.multipliedBy(4), DAY)) {
            seed(UUID.randomUUID(), T0.minus(ago), register("Prospect " + ago.toDays()));
        }
        for (Duration ago : List.of(DAY.multipliedBy(6), DAY.multipliedBy(2))) {
            UUID account = UUID.randomUUID();
            seedAt(account, List.of(T0.minus(DAY.multipliedBy(30)), T0.minus(DAY.multipliedBy(29)), T0.minus(ago)),
                    register("Customer " + ago.toDays()), purchase(account, "1200.00", T0.minus(DAY.multipliedBy(29))),
                    new LifecycleStageAdvanced(account, LifecycleStage.PROSPECT, LifecycleStage.CUSTOMER));
        }
        UUID disqualified = UUID.randomUUID();
        seedAt(disqualified, List.of(T0.minus(DAY.multipliedBy(3)), T0.minus(DAY.multipliedBy(2))),
                register("No Budget Ltd"), new ProspectDisqualified(disqualified, "No budget this year"));
        JsonNode after = await().atMost(WAIT).until(this::funnel,
                f -> count(f, "CUSTOMER") == count(before, "CUSTOMER") + 2 && count(f, "PROSPECT") == count(before, "PROSPECT") + 3
                        && count(f, "DISQUALIFIED") == count(before, "DISQUALIFIED") + 1);

        Browser b = openLive();
        for (String stage : List.of("PROSPECT", "CUSTOMER", "CLIENT", "LAPSED", "DISQUALIFIED", "PRE_KAM")) {
            b.waitForAttribute("funnel-" + stage, "data-count", Long.toString(count(after, stage)));
        }
        assertThat(count(after, "PROSPECT")).isEqualTo(3);
        assertThat(count(after, "CUSTOMER")).isEqualTo(2);
        long fourDays = DAY.multipliedBy(4).toSeconds();
        assertThat(b.driver().findElement(Browser.testId("funnel-PROSPECT")).getAttribute("data-median-seconds"))
                .isEqualTo(Long.toString(fourDays));
        assertThat(b.driver().findElement(Browser.testId("funnel-CUSTOMER")).getAttribute("data-median-seconds"))
                .isEqualTo(Long.toString(fourDays));
        assertThat(b.driver().findElement(Browser.testId("funnel-CUSTOMER-median")).getText()).isEqualTo("median 4 d in stage");
        b.screenshot("dashboard-funnel");
        b.assertNoProblems();
    }

    @Test
    @Order(3)
    void aChangeMadeWhileThePageIsOpenShowsInTheFunnelAndTheFeedWithinTwoSecondsWithoutAReload() throws Exception {
        awaitSettledStatusListener();
        Browser b = openLive();
        String marker = b.driver().findElement(Browser.testId("page-marker")).getAttribute("textContent");
        long customers = Long.parseLong(b.driver().findElement(Browser.testId("funnel-CUSTOMER")).getAttribute("data-count"));
        UUID account = UUID.randomUUID();
        seed(account, T0, register("Live Change GmbH"), purchase(account, "500.00", T0),
                new LifecycleStageAdvanced(account, LifecycleStage.PROSPECT, LifecycleStage.CUSTOMER));
        long sent = System.nanoTime();

        b.waitForAttribute("funnel-CUSTOMER", "data-count", Long.toString(customers + 1), Duration.ofSeconds(2));
        b.waiting(Duration.ofSeconds(2)).until(d -> !d.findElements(By.cssSelector(
                "[data-testid=feed-row][data-account-id='" + account + "']")).isEmpty());
        System.out.printf("the change showed in the funnel and the feed %d ms after it was published%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent));
        assertThat(b.driver().findElement(Browser.testId("page-marker")).getAttribute("textContent"))
                .as("the same page, not a reload").isEqualTo(marker);
        // The account's rows are its status change and its first churn band, in whichever order they came: the
        // status row names the account.
        b.waiting(WAIT).until(d -> d.findElements(By.cssSelector("[data-testid=feed-row][data-account-id='" + account
                + "']")).stream().anyMatch(row -> row.getText().contains("Live Change GmbH")));
        b.assertNoProblems();
    }

    @Test
    @Order(4)
    void silencePastTheThresholdPutsTheAccountOnTheHighListAndItsWhyPanelExplainsTheScoreWithEventsInTheTimeline()
            throws Exception {
        UUID account = UUID.randomUUID();
        Instant now = clock.instant();
        seedAt(account, List.of(now.minus(DAY.multipliedBy(3)), now.minus(DAY.multipliedBy(3)),
                        now.minus(DAY.multipliedBy(2)), now.minus(DAY), now),
                register("Quiet Ltd"), purchase(account, "1200.00", now.minus(DAY.multipliedBy(3))),
                new LifecycleStageAdvanced(account, LifecycleStage.PROSPECT, LifecycleStage.CUSTOMER),
                new InteractionRecorded(account, UUID.randomUUID(), InteractionChannel.MEETING, InteractionDirection.TWO_WAY,
                        "Dana (buyer)", "Kick-off", now.minus(DAY)),
                new ComplaintOpened(account, UUID.randomUUID(), "Invoices in the wrong currency", now.plus(DAY.multipliedBy(7))));
        await().atMost(WAIT).until(() -> read("/api/v1/accounts/" + account + "/churn-risk"),
                risk -> risk != null && risk.get("lastAppliedSequence").asLong() == 4);
        Browser b = openLive();
        new Select(b.driver().findElement(Browser.testId("filter-band"))).selectByValue("HIGH");
        b.waitForAttribute("watch-list", "data-state", "loaded");
        assertThat(b.driver().findElements(By.cssSelector("[data-testid=watch-list] tr[data-account-id='" + account + "']")))
                .as("not on the HIGH list yet").isEmpty();

        // Four months on: no conversation, no order, the complaint overdue.
        clock.move(DAY.multipliedBy(120));
        timePasses.pass();

        By row = By.cssSelector("[data-testid=watch-list] tr[data-account-id='" + account + "']");
        WebElement high = b.waiting().withMessage(() -> "Quiet Ltd on the HIGH list; its status says "
                        + read("/api/v1/accounts/" + account + "/status").get("churnBand") + ", the list shows "
                        + b.driver().findElement(Browser.testId("watch-list")).getText())
                .until(d -> d.findElements(row).stream().findFirst().orElse(null));
        assertThat(high.getAttribute("data-band")).isEqualTo("HIGH");
        high.findElement(Browser.testId("open-account")).click();
        b.waitForAttribute("why-panel", "data-state", "loaded");
        b.waitForAttribute("timeline", "data-state", "loaded");

        JsonNode risk = read("/api/v1/accounts/" + account + "/churn-risk");
        List<WebElement> factors = b.driver().findElements(Browser.testId("factor"));
        int sum = factors.stream().mapToInt(f -> Integer.parseInt(f.getAttribute("data-points"))).sum();
        assertThat(sum).as("the factors' points add up to the score").isEqualTo(risk.get("score").asInt());
        assertThat(b.driver().findElement(Browser.testId("why-sum")).getText()).isEqualTo(Integer.toString(sum));
        assertThat(b.driver().findElement(Browser.testId("why-score")).getText()).startsWith(risk.get("score").asText());
        assertThat(factors).extracting(f -> f.getAttribute("data-factor")).contains("INDIFFERENCE");
        List<String> cited = b.driver().findElements(Browser.testId("cited-event")).stream()
                .map(link -> link.getAttribute("data-event-id")).distinct().toList();
        assertThat(cited).as("the score cites the events behind it").isNotEmpty();
        for (String eventId : cited) {
            b.driver().findElement(By.cssSelector("[data-testid=cited-event][data-event-id='" + eventId + "']")).click();
            b.waitForAttribute("timeline", "data-cited", eventId);
            assertThat(b.driver().findElement(By.id("event-" + eventId)).getAttribute("class")).contains("cited");
        }
        b.screenshot("dashboard-why");
        // The whole page for docs/dashboard.md: watch list, funnel, why panel and timeline at once.
        b.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1400, 2000));
        b.script("window.scrollTo(0, 0)");
        b.screenshot("dashboard");
        b.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        b.assertNoProblems();
    }

    @Test
    @Order(5)
    void theTimelineShowsDowngradeLapseAndWinBackInOrderWithTheirReasonsForAnAuditorOnly() throws Exception {
        UUID account = UUID.randomUUID();
        Instant now = clock.instant();
        List<Instant> at = new ArrayList<>();
        for (int daysAgo : new int[]{100, 95, 90, 80, 60, 40, 20}) {
            at.add(now.minus(DAY.multipliedBy(daysAgo)));
        }
        List<AccountEvent> history = List.of(registered(account, register("Seesaw Trading")), purchase(account, "800.00", at.get(1)),
                new LifecycleStageAdvanced(account, LifecycleStage.PROSPECT, LifecycleStage.CUSTOMER),
                new LifecycleStageAdvanced(account, LifecycleStage.CUSTOMER, LifecycleStage.CLIENT),
                new LifecycleStageDowngraded(account, LifecycleStage.CLIENT, LifecycleStage.CUSTOMER, "Spend fell by half"),
                new AccountLapsed(account, LifecycleStage.CUSTOMER, "No purchase in a year"),
                new AccountWonBack(account, "New framework contract"));
        List<String> reasons = new ArrayList<>(java.util.Arrays.asList(null, null, null, null, "Spend fell by half",
                "No purchase in a year", "New framework contract"));
        for (int sequence = 0; sequence < history.size(); sequence++) {
            send(new EnvelopedAccountEvent(UUID.randomUUID().toString(), account, sequence, at.get(sequence), "alice",
                    "corr-" + sequence, "cmd-" + sequence, null, reasons.get(sequence), history.get(sequence)));
        }
        await().atMost(WAIT).until(() -> read("/api/v1/accounts/" + account + "/timeline"),
                t -> t != null && t.get("lastAppliedSequence").asLong() == 6);

        // Signed in as a reader (the launcher's token): the moves in order, but who and why are audit data.
        // Read in one script each, once the page shows them: the live stream may redraw the timeline.
        Browser b = browser();
        b.visit(page() + "#account=" + account);
        b.waitForAttribute("timeline", "data-state", "loaded");
        List<String> stages = List.of("PROSPECT", "CUSTOMER", "CLIENT", "CUSTOMER", "LAPSED", "CUSTOMER");
        b.waiting(WAIT).until(d -> stagesShown(b).equals(stages));
        String readersPage = textOf(b, "timeline");
        assertThat(readersPage).contains("LifecycleStageDowngraded", "AccountLapsed", "AccountWonBack")
                .doesNotContain("alice", "Spend fell by half", "No purchase in a year", "New framework contract");
        assertThat(b.driver().findElement(Browser.testId("timeline-audit")).isDisplayed()).isTrue();
        b.assertNoProblems();

        // Signed in with auditor as well: each move says who asked for it and why.
        Files.writeString(tokenFile, TestTokens.token("audrey", Role.READER, Role.AUDITOR));
        try {
            b.driver().navigate().refresh(); // the same address: a reload, which signs in again
            b.waitForAttribute("timeline", "data-state", "loaded");
            b.waiting(WAIT).until(d -> periodsShown(b).size() == 6 && periodsShown(b).get(3).contains("alice"));
            List<String> periods = periodsShown(b);
            assertThat(periods.get(3)).contains("Spend fell by half").contains("alice");
            assertThat(periods.get(4)).contains("No purchase in a year");
            assertThat(periods.get(5)).contains("New framework contract");
            String events = textOf(b, "timeline-events");
            assertThat(events.indexOf("New framework contract")).as("newest first")
                    .isLessThan(events.indexOf("No purchase in a year")).isGreaterThanOrEqualTo(0);
            assertThat(events.indexOf("No purchase in a year")).isLessThan(events.indexOf("Spend fell by half"));
            assertThat(b.driver().findElement(Browser.testId("timeline-audit")).isDisplayed()).isFalse();
            b.screenshot("dashboard-timeline");
            b.assertNoProblems();
        } finally {
            Files.writeString(tokenFile, READER);
        }
    }

    /** The lifecycle periods' stages as the page shows them now, read in one script (no stale elements). */
    @SuppressWarnings("unchecked")
    private static List<String> stagesShown(Browser b) {
        return (List<String>) b.script("return Array.from(document.querySelectorAll("
                + "'[data-testid=lifecycle-period]')).map(e => e.dataset.stage)");
    }

    /** The lifecycle periods' texts as the page shows them now, read in one script. */
    @SuppressWarnings("unchecked")
    private static List<String> periodsShown(Browser b) {
        return (List<String>) b.script("return Array.from(document.querySelectorAll("
                + "'[data-testid=lifecycle-period]')).map(e => e.innerText)");
    }

    private static String textOf(Browser b, String testId) {
        return (String) b.script("const e = document.querySelector('[data-testid=' + arguments[0] + ']');"
                + " return e ? e.innerText : '';", testId);
    }

    @Test
    @Order(6)
    void whenTheStreamIsCutThePageReconnectsAndShowsWhatChangedMeanwhileExactlyOnce() throws Exception {
        Browser b = openLive();
        UUID account = UUID.randomUUID();
        Instant now = clock.instant();
        seed(account, now, register("Flaky Network AG"));          // seen before the cut: the page has an id
        awaitFeedRow(b, account, 0);

        proxy.cut();
        b.waitForAttribute("connection", "data-state", "reconnecting");
        send(enveloped(account, 1, now, purchase(account, "100.00", now)));
        send(enveloped(account, 2, now, new LifecycleStageAdvanced(account, LifecycleStage.PROSPECT, LifecycleStage.CUSTOMER)));
        await().atMost(WAIT).until(() -> read("/api/v1/accounts/" + account + "/status"),
                s -> s != null && s.get("lastAppliedSequence").asLong() == 2);
        proxy.restore();

        b.waitForAttribute("connection", "data-state", "live", WAIT);
        awaitFeedRow(b, account, 2);
        send(enveloped(account, 3, now, purchase(account, "50.00", now))); // after this one, nothing of before can come
        awaitFeedRow(b, account, 3);
        List<String> sequences = b.driver().findElements(By.cssSelector(
                "[data-testid=feed-row][data-kind=account-status][data-account-id='" + account + "']"))
                .stream().map(row -> row.getAttribute("data-sequence")).toList();
        assertThat(sequences).as("each change once, the ones made while cut included").doesNotHaveDuplicates()
                .contains("0", "2", "3");
        b.clearProblems(); // the refused connections while cut are reported by the browser, as they should be
    }

    @Test
    @Order(7)
    void withoutSignInTheDataAndTheStreamAnswer401AndThePageSaysSoAndATicketOpensOneStreamOnce() throws Exception {
        for (String path : List.of("/api/v1/dashboard/funnel", "/api/v1/dashboard/watch-list", "/api/v1/funnel",
                "/api/v1/dashboard/stream", "/api/v1/dashboard/stream?ticket=made-up")) {
            HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(base() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).as(path).isEqualTo(401);
            assertThat(refused.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/problem+json"));
            assertThat(json.readTree(refused.body()).get("detail").asText()).as(path).isNotBlank();
        }
        HttpResponse<String> issued = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/dashboard/stream-tickets"))
                .header("Authorization", "Bearer " + READER).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(issued.statusCode()).isEqualTo(201);
        String stream = base() + json.readTree(issued.body()).get("stream").asText();
        HttpResponse<InputStream> first = http.send(HttpRequest.newBuilder(URI.create(stream)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        first.body().close();
        HttpResponse<String> second = http.send(HttpRequest.newBuilder(URI.create(stream)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(second.statusCode()).as("the same ticket again").isEqualTo(401);
        assertThat(json.readTree(second.body()).get("type").asText()).isEqualTo("/problems/stream-ticket-invalid");

        Files.writeString(tokenFile, ""); // the launcher's token is gone
        try {
            Browser b = browser();
            b.visit(page());
            b.waitForAttribute("connection", "data-state", "signed-out");
            b.waitForVisible("sign-in");
            assertThat(b.driver().findElement(Browser.testId("sign-in-reason")).getText()).contains("reader token");
            // No data ever came, and the shell is drawn: every funnel cell, empty, and the watch list's table.
            for (String stage : List.of("PROSPECT", "PARTNER", "LAPSED", "DISQUALIFIED", "PRE_KAM", "UNCOUPLING_KAM")) {
                assertThat(b.driver().findElement(Browser.testId("funnel-" + stage)).getText()).startsWith("–");
            }
            assertThat(b.driver().findElement(Browser.testId("watch-list")).getAttribute("data-state")).isEqualTo("loading");
            b.screenshot("dashboard-signed-out");
            b.clearProblems(); // the browser reports the 401 of the sign-in, as it should
        } finally {
            Files.writeString(tokenFile, READER);
        }
    }

    /**
     * Issue 27's report page: an admin starts a churn backtest over the topic this class seeded; the page,
     * signed in as a reader, shows both models side by side with the calibration per band and the deciles.
     */
    @Test
    @Order(8)
    @SuppressWarnings("unchecked")
    void theBacktestPageShowsTheLatestReportWithBothModelsSideBySide() throws Exception {
        HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/admin/churn-backtests"))
                .header("Authorization", "Bearer " + TestTokens.token("ada", Role.ADMIN))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"from\":\"" + clock.instant().minus(DAY.multipliedBy(200))
                        + "\",\"to\":\"" + clock.instant() + "\",\"step\":\"P30D\",\"horizons\":[\"P90D\"],"
                        + "\"models\":[\"1\",\"2\"]}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String location = started.headers().firstValue("Location").orElseThrow();
        await().atMost(WAIT).until(() -> read(location), s -> s != null && s.get("state").asText().equals("DONE"));

        Browser b = browser();
        b.visit("http://127.0.0.1:" + proxy.port() + "/dashboard/backtest");
        b.waitForAttribute("backtest", "data-state", "loaded");
        List<String> models = (List<String>) b.script("return Array.from(document.querySelectorAll("
                + "'[data-testid=backtest-model]')).map(r => r.dataset.model)");
        assertThat(models).containsExactly("1", "2");
        assertThat(b.driver().findElements(Browser.testId("band-calibration"))).as("3 bands for each model")
                .hasSize(6);
        assertThat(b.driver().findElements(Browser.testId("decile"))).isNotEmpty();
        assertThat((List<String>) b.script("return Array.from(document.querySelectorAll("
                + "'[data-testid=backtest-suggestion]')).map(r => r.dataset.model)"))
                .as("a suggestion for version 2 only").containsExactly("2");
        assertThat(b.driver().findElement(Browser.testId("backtest-plan")).getText()).contains("cutoffs",
                "scored on what was known at the cutoff");
        assertThat(b.driver().findElement(Browser.testId("backtest-calibration")).getText())
                .as("whether it calibrates revenue at risk").contains("revenue at risk");
        b.screenshot("dashboard-backtest");
        b.assertNoProblems();
    }

    /**
     * Issue 28: the account view shows its buying committee: each contact with role, influence, status
     * and last two-way contact, the coverage, the single-threaded warning and a champion gone.
     */
    @Test
    @Order(9)
    @SuppressWarnings("unchecked")
    void theAccountViewShowsTheCommitteeWithCoverageAndTheSingleThreadedWarning() throws Exception {
        UUID account = UUID.randomUUID();
        UUID ann = UUID.randomUUID();
        UUID ben = UUID.randomUUID();
        UUID cid = UUID.randomUUID();
        Instant now = clock.instant();
        seed(account, now, register("Committee Works"),
                new ContactAdded(account, ann, "Ann Lee", "COO", "ann@example.com", null, ContactRole.INFLUENCER, 5,
                        InteractionChannel.MEETING),
                new ContactAdded(account, ben, "Ben Ode", "CFO", null, null, ContactRole.DECISION_MAKER, 4, null),
                new ContactAdded(account, cid, "Cid Roe", "Head of IT", null, null, ContactRole.CHAMPION, 4, null),
                new InteractionRecorded(account, UUID.randomUUID(), InteractionChannel.CALL, InteractionDirection.TWO_WAY,
                        null, "pilot", now.minus(DAY), null, ann),
                new InteractionRecorded(account, UUID.randomUUID(), InteractionChannel.MEETING, InteractionDirection.TWO_WAY,
                        null, "review", now, null, ann),
                new ContactLeft(account, cid, "Joined a rival"));
        await().atMost(WAIT).until(() -> read("/api/v1/accounts/" + account + "/committee"),
                c -> c != null && c.get("lastAppliedSequence").asLong() == 6);

        Browser b = browser();
        b.visit(page() + "#account=" + account);
        b.waitForAttribute("committee", "data-state", "loaded");
        Map<String, Object> shown = (Map<String, Object>) b.script(
                "const q = (id) => document.querySelector('[data-testid=' + id + ']');"
                + " const single = q('committee-single-threaded');"
                + " return {coverage: q('committee-coverage').innerText, share: q('committee-coverage').dataset.share,"
                + " single: single.hidden ? null : single.innerText,"
                + " gaps: Array.from(document.querySelectorAll('[data-testid=committee-gap]')).map(g => g.dataset.role),"
                + " contacts: Array.from(document.querySelectorAll('[data-testid=committee-contact]')).map(r => r.innerText),"
                + " statuses: Array.from(document.querySelectorAll('[data-testid=committee-contact]')).map(r => r.dataset.status),"
                + " lastTwoWay: Array.from(document.querySelectorAll('[data-testid=contact-last-two-way]')).map(c => c.innerText)};");
        System.out.println("committee as shown: " + shown);
        assertThat(shown.get("share")).isEqualTo("0.5");
        assertThat((String) shown.get("coverage")).contains("50%", "1 of 2", "14 d");
        assertThat((String) shown.get("single")).contains("Single-threaded", "Ann Lee");
        assertThat((List<String>) shown.get("gaps")).containsExactly("CHAMPION");
        assertThat((List<String>) shown.get("statuses")).containsExactly("ACTIVE", "ACTIVE", "LEFT");
        List<String> contacts = (List<String>) shown.get("contacts");
        assertThat(contacts.get(0)).contains("Ann Lee", "INFLUENCER", "5");
        assertThat(contacts.get(2)).contains("Cid Roe", "CHAMPION", "Joined a rival");
        assertThat((List<String>) shown.get("lastTwoWay")).containsExactly(
                now.toString().replace("T", " ").replace("Z", " UTC") + " (MEETING)", "never", "never");
        b.screenshot("dashboard-committee");
        b.assertNoProblems();
    }

    /**
     * Issue 29's portfolio page: priced by a rate card on the reference data topic, the whale curve is drawn
     * as SVG, the unprofitable account is in the tail with the decision suggested for it, and the cost to
     * serve is listed by activity; another period reloads it.
     */
    @Test
    @Order(10)
    @SuppressWarnings("unchecked")
    void thePortfolioPageDrawsTheWhaleCurveAndListsTheUnprofitableTailWithItsSuggestion() throws Exception {
        com.relationship.contracts.referencedata.ActivityRatesSet card = new com.relationship.contracts.referencedata
                .ActivityRatesSet(java.time.YearMonth.of(2020, 1), "EUR", Map.of("SALES_VISIT", new BigDecimal("400.00")),
                1, "costing", "fin", T0);
        producer.send(new ProducerRecord<>(REFERENCE, card.key(),
                new com.relationship.contracts.referencedata.ReferenceDataCodec().encode(card))).get(10, TimeUnit.SECONDS);
        Instant at = clock.instant().minus(DAY);
        UUID whale = UUID.randomUUID();
        seed(whale, at, register("Portfolio Whale"), new PurchaseRecorded(whale, UUID.randomUUID(), new BigDecimal("20000.00"),
                "EUR", at, "Order", null, new BigDecimal("8000.00"), null, null, null));
        UUID loser = UUID.randomUUID();
        InteractionRecorded visit = new InteractionRecorded(loser, UUID.randomUUID(), InteractionChannel.VISIT,
                InteractionDirection.TWO_WAY, "Dana", "Site visit", at);
        seed(loser, at, register("Portfolio Loser"), new PurchaseRecorded(loser, UUID.randomUUID(), new BigDecimal("1000.00"),
                "EUR", at, "Order", null, BigDecimal.ZERO, null, null, null),
                new LifecycleStageAdvanced(loser, LifecycleStage.PROSPECT, LifecycleStage.CUSTOMER), visit, visit, visit);
        await().atMost(WAIT).until(() -> read("/api/v1/accounts/" + loser + "/profitability"),
                report -> report != null && report.get("lastAppliedSequence").asLong() == 5
                        && report.at("/trailingYear/costToServe/amount").decimalValue().signum() > 0);
        // The curve is ranked from the ledgers a second or so later (PortfolioRanking).
        await().atMost(WAIT).until(() -> read("/api/v1/portfolio/whale-curve?period=P1Y&limit=1000"),
                curve -> curve != null && curve.get("tail").findValuesAsText("accountId").contains(loser.toString()));

        Browser b = browser();
        b.visit("http://127.0.0.1:" + proxy.port() + "/dashboard/portfolio");
        b.waitForAttribute("portfolio", "data-state", "loaded");

        assertThat(Integer.parseInt(b.driver().findElement(Browser.testId("whale-line")).getAttribute("data-points")))
                .as("the origin and a point per account").isGreaterThanOrEqualTo(3);
        assertThat(b.driver().findElement(Browser.testId("portfolio-reading")).getText()).contains("accounts earned");
        List<String> tail = (List<String>) b.script("return Array.from(document.querySelectorAll("
                + "'[data-testid=tail-account]')).map(r => r.dataset.accountId + ' ' + r.dataset.suggested)");
        assertThat(tail).contains(loser + " CONVERT").noneMatch(row -> row.startsWith(whale.toString()));
        assertThat(b.driver().findElements(By.cssSelector("[data-testid=portfolio-cost][data-activity=SALES_VISIT]")))
                .isNotEmpty();
        b.screenshot("dashboard-portfolio");

        // The tail links to the account's view, where its trailing year and the suggested decision show.
        b.driver().findElement(By.cssSelector("[data-testid=tail-account][data-account-id='" + loser + "'] a")).click();
        b.waitForAttribute("account-profitability", "data-state", "loaded");
        assertThat(b.driver().findElement(Browser.testId("profitability-suggestion")).getAttribute("data-decision"))
                .isEqualTo("CONVERT");
        assertThat(b.driver().findElement(Browser.testId("profitability-year")).getText()).contains("profit -1,200.00 EUR");
        assertThat(b.driver().findElement(Browser.testId("profitability-decision")).getText()).contains("No decision");
        b.screenshot("dashboard-account-profitability");
        b.visit("http://127.0.0.1:" + proxy.port() + "/dashboard/portfolio");
        b.waitForAttribute("portfolio", "data-state", "loaded");

        new Select(b.driver().findElement(Browser.testId("portfolio-period"))).selectByValue("P1M");
        b.waiting(WAIT).until(d -> d.findElement(Browser.testId("portfolio-reading")).getText().contains("the month to"));
        b.waitForAttribute("portfolio", "data-state", "loaded");
        b.assertNoProblems();
    }

    /**
     * Issue 30's dashboard: a client whose spend dwarfs the others' is an MVC and one that lost money a BZ; the
     * watch list and the funnel narrow to a tier, the account view shows the value's indices, level and tier
     * changes, and the portfolio page the tier pyramid and each owner's accounts per tier.
     */
    @Test
    @Order(11)
    @SuppressWarnings("unchecked")
    void theValueTiersNarrowTheWatchListAndFunnelAndShowInTheAccountViewAndThePortfolioPyramid() throws Exception {
        Instant at = clock.instant().minus(DAY);
        UUID whale = UUID.randomUUID();
        seed(whale, at, register("Value Whale"), new PurchaseRecorded(whale, UUID.randomUUID(),
                        new BigDecimal("1000000.00"), "EUR", at, "Order", null, new BigDecimal("400000.00"), null, null, null),
                new LifecycleStageAdvanced(whale, LifecycleStage.PROSPECT, LifecycleStage.CUSTOMER),
                new com.relationship.contracts.events.RelationshipLevelAssessed(whale, 4, "They ask for our people by name"));
        UUID sink = UUID.randomUUID();
        seed(sink, at, register("Value Sink"), new PurchaseRecorded(sink, UUID.randomUUID(), new BigDecimal("5000.00"),
                        "EUR", at, "Order", null, new BigDecimal("-500.00"), null, null, null),
                new LifecycleStageAdvanced(sink, LifecycleStage.PROSPECT, LifecycleStage.CUSTOMER));
        // Ranked a few seconds after the read models fold them, then published: the filters read the published tiers.
        await().atMost(WAIT).until(() -> read("/api/v1/accounts/" + whale + "/value"),
                v -> v != null && "MVC".equals(v.path("tier").asText()) && v.path("tierHistory").size() > 0
                        && v.at("/relationshipLevel/level").asInt() == 4);
        await().atMost(WAIT).until(() -> read("/api/v1/accounts/" + sink + "/value"),
                v -> v != null && "BZ".equals(v.path("tier").asText()) && v.path("tierHistory").size() > 0);

        Browser b = openLive();
        new Select(b.driver().findElement(Browser.testId("filter-tier"))).selectByValue("MVC");
        b.waitForAttribute("watch-list", "data-tier", "MVC");
        b.waitForAttribute("watch-list", "data-state", "loaded");
        List<String> listed = (List<String>) b.script("return Array.from(document.querySelectorAll("
                + "'[data-testid=watch-list] tbody tr')).map(r => r.dataset.accountId)");
        assertThat(listed).as("the MVCs only").contains(whale.toString()).doesNotContain(sink.toString());

        new Select(b.driver().findElement(Browser.testId("funnel-tier"))).selectByValue("BZ");
        b.waitForAttribute("funnel", "data-tier", "BZ");
        b.waitForAttribute("funnel", "data-state", "loaded");
        JsonNode bz = read("/api/v1/dashboard/funnel?tier=BZ");
        assertThat(b.driver().findElement(Browser.testId("funnel")).getAttribute("data-total"))
                .isEqualTo(bz.get("totalAccounts").asText());
        assertThat(Long.parseLong(b.driver().findElement(Browser.testId("funnel-CUSTOMER")).getAttribute("data-count")))
                .as("the BZs that are customers, the sink among them").isPositive();
        assertThat(b.driver().findElement(Browser.testId("funnel-PROSPECT")).getAttribute("data-count"))
                .as("a prospect has no tier").isEqualTo("0");
        b.screenshot("dashboard-tier-filters");

        b.visit(page() + "#account=" + whale);
        b.waitForAttribute("account-value", "data-state", "loaded");
        assertThat(b.driver().findElement(Browser.testId("value-standing")).getAttribute("data-tier")).isEqualTo("MVC");
        assertThat(b.driver().findElement(Browser.testId("value-standing")).getText()).contains("rank 1 of");
        assertThat(b.driver().findElements(Browser.testId("value-index"))).hasSize(6);
        assertThat(b.driver().findElement(Browser.testId("value-treatment")).getText()).contains("every day or more",
                "80% retaining");
        assertThat(b.driver().findElement(Browser.testId("value-level")).getText())
                .isEqualTo("Relationship level 4 (PERSONAL_RECOGNITION): They ask for our people by name");
        assertThat(b.driver().findElement(By.cssSelector("[data-testid=value-tier-change]")).getAttribute("data-kind"))
                .isEqualTo("FIRST_RANKED");
        b.script("document.querySelector('[data-testid=account-value]').scrollIntoView()");
        b.screenshot("dashboard-account-value");

        b.visit("http://127.0.0.1:" + proxy.port() + "/dashboard/portfolio");
        b.waitForAttribute("portfolio-tiers", "data-state", "loaded");
        List<String> pyramid = (List<String>) b.script("return Array.from(document.querySelectorAll("
                + "'[data-testid=tier-level]')).map(l => l.dataset.tier + ' ' + l.dataset.accounts)");
        JsonNode tiers = read("/api/v1/portfolio/tiers");
        assertThat(pyramid).as("MVC on top, as many as the tiers count").containsExactly(
                "MVC " + tiers.at("/tiers/0/accounts").asInt(), "MGC " + tiers.at("/tiers/1/accounts").asInt(),
                "MIGRATOR " + tiers.at("/tiers/2/accounts").asInt(), "BZ " + tiers.at("/tiers/3/accounts").asInt());
        assertThat(b.driver().findElements(Browser.testId("tier-owner"))).as("the accounts nobody owns at least")
                .isNotEmpty();
        b.script("document.querySelector('[data-testid=portfolio-tiers]').scrollIntoView()");
        b.screenshot("dashboard-portfolio-tiers");
        b.assertNoProblems();
    }

    private void awaitFeedRow(Browser b, UUID account, long sequence) {
        b.waiting(WAIT).until(d -> !d.findElements(By.cssSelector("[data-testid=feed-row][data-account-id='" + account
                + "'][data-sequence='" + sequence + "']")).isEmpty());
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private JsonNode funnel() {
        return read("/api/v1/dashboard/funnel");
    }

    private static long count(JsonNode funnel, String stage) {
        for (String part : List.of("lifecycle", "apart", "kam")) {
            for (JsonNode cell : funnel.get(part)) {
                if (cell.get("stage").asText().equals(stage)) {
                    return cell.get("count").asLong();
                }
            }
        }
        throw new AssertionError("no cell " + stage + " in " + funnel);
    }

    private JsonNode read(String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base() + path))
                    .header("Authorization", "Bearer " + READER).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? json.readTree(response.body()) : null;
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static AccountRegistered register(String name) {
        return new AccountRegistered(null, name, "Manufacturing", 120, null, "EMEA", null);
    }

    private static PurchaseRecorded purchase(UUID account, String amount, Instant at) {
        return new PurchaseRecorded(account, UUID.randomUUID(), new BigDecimal(amount), "EUR", at, "Order");
    }

    /** An account's history, every event at {@code at}. */
    private static void seed(UUID account, Instant at, AccountEvent... events) throws Exception {
        List<Instant> times = new ArrayList<>();
        for (AccountEvent ignored : events) {
            times.add(at);
        }
        seedAt(account, times, events);
    }

    private static void seedAt(UUID account, List<Instant> at, AccountEvent... events) throws Exception {
        for (int sequence = 0; sequence < events.length; sequence++) {
            AccountEvent event = events[sequence] instanceof AccountRegistered r ? registered(account, r) : events[sequence];
            send(enveloped(account, sequence, at.get(sequence), event));
        }
    }

    /** {@code r} as the registration of {@code account}: {@link #register} leaves the id to the seeding. */
    private static AccountRegistered registered(UUID account, AccountRegistered r) {
        return new AccountRegistered(account, r.name(), r.industry(), r.employeeCount(), r.annualRevenue(), r.region(),
                r.classification());
    }

    private static EnvelopedAccountEvent enveloped(UUID account, long sequence, Instant at, AccountEvent event) {
        return new EnvelopedAccountEvent(UUID.randomUUID().toString(), account, sequence, at, "alice",
                "corr-" + account + "-" + sequence, "cmd-" + sequence, event);
    }

    private static void send(EnvelopedAccountEvent event) throws Exception {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(EVENTS, event.accountId().toString(), codec.encode(event));
        record.headers().add("content-type", AccountEventCodec.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        producer.send(record).get(10, TimeUnit.SECONDS);
    }
}
