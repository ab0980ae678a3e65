package com.relationship.projection.dashboard;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The real-browser harness against a few tiny pages from the JDK's HTTP server (no Spring context):
 * what it reports, what it lists, what it saves and how it waits.
 */
class BrowserHarnessTest {

    static HttpServer server;
    static String base;
    /** A loopback port nothing listens on: requests to it fail with ERR_CONNECTION_REFUSED. */
    static int closedPort;

    static Map<String, String> pages() {
        return Map.of(
                "/clean.html", """
                        <!doctype html><html><head><title>clean</title><link rel="stylesheet" href="/style.css">
                        <script src="/app.js" defer></script></head>
                        <body><h1 data-testid="title">Clean</h1><p data-testid="out"></p></body></html>""",
                "/style.css", "body { font-family: sans-serif; }",
                "/app.js", """
                        fetch('/data.json').then(r => r.json()).then(d => {
                          document.querySelector('[data-testid=out]').textContent = 'loaded ' + d.n; });""",
                "/data.json", "{\"n\": 3}",
                "/broken.html", """
                        <!doctype html><html><head><title>broken</title></head><body>
                        <img src="/missing.png">
                        <img src="http://127.0.0.1:%d/unreachable.png">
                        <script>
                          console.error('boom-console');
                          Promise.reject(new Error('boom-rejected'));
                          fetch('/missing-fetch');
                          throw new Error('boom-thrown');
                        </script></body></html>""".formatted(closedPort),
                "/delayed.html", """
                        <!doctype html><html><body><div data-testid="stream" data-state="connecting">connecting</div>
                        <script>setTimeout(() => { const e = document.querySelector('[data-testid=stream]');
                          window.liveAt = performance.now(); e.dataset.state = 'live'; e.textContent = 'Live'; }, 1000);
                        </script></body></html>""");
    }

    @BeforeAll
    static void serve() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Map<String, String> pages = pages();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String body = pages.get(path);
            byte[] bytes = (body == null ? "not found" : body).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", path.endsWith(".css") ? "text/css"
                    : path.endsWith(".js") ? "text/javascript" : path.endsWith(".json") ? "application/json"
                    : "text/html; charset=utf-8");
            exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @Test
    void aCleanPageHasNoProblemsAndLoadsOnlyFromItsOwnOrigin() {
        try (Browser browser = Browser.open()) {
            browser.visit(base + "/clean.html");
            browser.waitForText("out", "loaded 3");

            browser.assertNoProblems();
            assertThat(browser.problems()).isEmpty();
            assertThat(browser.requests()).startsWith(base + "/clean.html")
                    .contains(base + "/style.css", base + "/app.js", base + "/data.json");
            assertThat(browser.foreignRequests(base)).isEmpty();
            assertThat(browser.pageResources()).startsWith(base + "/clean.html")
                    .contains(base + "/style.css", base + "/app.js", base + "/data.json")
                    .allMatch(url -> url.startsWith(base + "/"));
        }
    }

    @Test
    void everyKindOfProblemIsReported() {
        try (Browser browser = Browser.open()) {
            browser.visit(base + "/broken.html");

            // Each arrives on its own; requests may finish after the load event.
            assertThat(browser.waitForProblem("Uncaught Error: boom-thrown")).startsWith("SEVERE " + base + "/broken.html");
            assertThat(browser.waitForProblem("\"boom-console\"")).startsWith("SEVERE " + base + "/broken.html");
            assertThat(browser.waitForProblem("boom-rejected")).contains("Uncaught");
            assertThat(browser.waitForProblem(base + "/missing.png")).contains("Failed to load resource", "404");
            assertThat(browser.waitForProblem(base + "/missing-fetch")).contains("Failed to load resource", "404");
            assertThat(browser.waitForProblem(":" + closedPort + "/unreachable.png"))
                    .contains("Failed to load resource", "net::ERR_CONNECTION_REFUSED");
            assertThat(browser.problems()).hasSize(6).noneMatch(p -> p.contains("favicon.ico"));

            assertThatThrownBy(browser::assertNoProblems).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("6 problem(s)").hasMessageContaining("boom-thrown")
                    .hasMessageContaining("boom-console").hasMessageContaining("missing.png");
            assertThat(browser.foreignRequests(base)).containsExactly("http://127.0.0.1:" + closedPort + "/unreachable.png");

            browser.clearProblems();
            browser.assertNoProblems();
        }
    }

    @Test
    void problemsAreKeptAcrossPages() {
        try (Browser browser = Browser.open()) {
            browser.visit(base + "/broken.html");
            browser.waitForProblem("boom-thrown");
            browser.visit(base + "/clean.html");
            browser.waitForText("out", "loaded 3");

            assertThat(browser.problems()).anyMatch(p -> p.contains("boom-thrown"));
            assertThat(browser.requests()).contains(base + "/broken.html", base + "/clean.html");
            assertThat(browser.pageResources()).doesNotContain(base + "/missing.png");
        }
    }

    @Test
    void waitsForAnAttributeAScriptSetsLaterAndSavesAScreenshot() throws IOException {
        try (Browser browser = Browser.open()) {
            browser.visit(base + "/delayed.html");

            WebElement stream = browser.waitForAttribute("stream", "data-state", "live");
            assertThat(stream.getText()).isEqualTo("Live");
            assertThat(((Number) browser.script("return window.liveAt;")).doubleValue()).isGreaterThanOrEqualTo(1000);
            browser.waitForText("stream", "Live");
            assertThatThrownBy(() -> browser.waitForAttribute("stream", "data-state", "never", Duration.ofMillis(300)))
                    .isInstanceOf(TimeoutException.class).hasMessageContaining("data-state=\"never\"");

            Path shot = browser.screenshot("browser-harness-delayed");
            assertThat(shot).isEqualTo(Path.of("target", "surefire-reports", "screenshots", "browser-harness-delayed.png"));
            byte[] png = Files.readAllBytes(shot);
            assertThat(Arrays.copyOf(png, 8)).containsExactly(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
            assertThat(png.length).isGreaterThan(1000);
            browser.assertNoProblems();
        }
    }

    @Test
    void closeDeletesTheProfile() throws IOException {
        Path profile;
        try (Browser browser = Browser.open()) {
            profile = browser.profile();
            assertThat(profile).isDirectory();
        }
        assertThat(profile).doesNotExist();
    }

    /** Missing binaries skip the test locally and fail it under CI, saying how to install them. */
    @Test
    void missingBinariesSkipLocallyAndFailOnCi() {
        String before = System.getProperty("CHROME_BIN");
        System.setProperty("CHROME_BIN", "/nonexistent/chromium");
        try {
            Class<? extends Throwable> expected = "true".equalsIgnoreCase(System.getenv("CI"))
                    ? AssertionFailedError.class : TestAbortedException.class;
            assertThatThrownBy(Browser::requireBinaries).isInstanceOf(expected)
                    .hasMessageContaining("/nonexistent/chromium")
                    .hasMessageContaining("apt-get install chromium chromium-driver");
        } finally {
            if (before == null) {
                System.clearProperty("CHROME_BIN");
            } else {
                System.setProperty("CHROME_BIN", before);
            }
        }
    }
}
