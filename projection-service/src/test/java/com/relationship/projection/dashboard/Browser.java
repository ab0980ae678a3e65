package com.relationship.projection.dashboard;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.PageLoadStrategy;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.logging.Level;
import java.util.stream.Stream;

/**
 * A real, headless Chromium for tests: the Debian {@code chromium} and {@code chromium-driver} pair
 * driven over classic WebDriver (no CDP, no devtools modules), with the paths set explicitly so
 * Selenium Manager never runs and nothing goes online.
 *
 * <pre>{@code
 * try (Browser browser = Browser.open()) {
 *     browser.visit(baseUrl + "/dashboard");
 *     browser.waitForAttribute("stream", "data-state", "live");
 *     browser.screenshot("dashboard-live");
 *     browser.assertNoProblems();
 *     assertThat(browser.foreignRequests(baseUrl)).isEmpty();
 * }
 * }</pre>
 *
 * <p><b>Availability.</b> {@link #open} needs {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}
 * (or the paths in the system property or environment variable {@code CHROME_BIN} / {@code CHROMEDRIVER}).
 * Without them the test is skipped, unless {@code CI=true}, where it fails: CI installs them
 * ({@code .ci/run}).
 *
 * <p><b>Problems.</b> Chromium's browser log ({@code goog:loggingPrefs}, level SEVERE) carries uncaught
 * errors ("Uncaught Error: …"), unhandled promise rejections ("Uncaught (in promise) …"), {@code console.error}
 * calls and every failed request ("Failed to load resource: … 404" or "net::ERR_…"), for every page of the
 * session. The log is drained on each read, so {@link #problems()} keeps what it has seen until {@link #clearProblems()}.
 * Chromium's own {@code /favicon.ico} 404 is ignored ({@link #ignoreProblems} adds more).
 *
 * <p><b>Requests.</b> The performance log ({@code Network.requestWillBeSent}, read as plain log lines, still
 * classic WebDriver) lists every request of every page, failed ones included; {@link #requests()} keeps them in order.
 */
public final class Browser implements AutoCloseable {

    /** How long every wait helper waits by default. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /** Where screenshots go by default: {@code <reportDir>/screenshots}. */
    public static final Path DEFAULT_REPORT_DIR = Path.of("target", "surefire-reports");

    static final String DEFAULT_CHROME_BIN = "/usr/bin/chromium";
    static final String DEFAULT_CHROMEDRIVER = "/usr/bin/chromedriver";

    static final List<String> FLAGS = List.of(
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--no-default-browser-check", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--disable-quic", "--metrics-recording-only", "--disable-background-timer-throttling",
            "--disable-renderer-backgrounding", "--window-size=1280,900");

    /**
     * Chromium asks every origin for {@code /favicon.ico} by itself; a 404 for it is the browser's
     * request, not the page's, so it is not a problem unless a test says otherwise.
     */
    static final Pattern FAVICON_404 = Pattern.compile("^SEVERE \\S+/favicon\\.ico - Failed to load resource: .*404.*");

    /** What {@link #requests()} keeps: network requests, not data:, blob: or Chromium's own chrome:// pages. */
    private static final Pattern WEB_SCHEMES = Pattern.compile("(?i)(https?|wss?)://");

    private static final Json JSON = new Json();

    /**
     * Without the devtools modules (deliberately absent: they stop below Chromium 156) ChromiumDriver
     * warns "Unable to find CDP implementation matching 156" on every start; nothing here uses CDP.
     * Held in a field so the level sticks.
     */
    private static final Logger CDP_VERSION_FINDER = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    static {
        CDP_VERSION_FINDER.setLevel(Level.SEVERE);
    }

    private final ChromeDriver driver;
    private final ChromeDriverService service;
    private final Path profile;
    private final Path reportDir;
    private final Duration timeout;
    private final List<String> problems = new ArrayList<>();
    private final Set<String> requests = new LinkedHashSet<>();
    private final List<Predicate<String>> ignored = new ArrayList<>(List.of(FAVICON_404.asMatchPredicate()));

    private Browser(ChromeDriver driver, ChromeDriverService service, Path profile, Path reportDir, Duration timeout) {
        this.driver = driver;
        this.service = service;
        this.profile = profile;
        this.reportDir = reportDir;
        this.timeout = timeout;
    }

    /** {@link #open(Path)} with screenshots under {@code target/surefire-reports/screenshots}. */
    public static Browser open() {
        return open(DEFAULT_REPORT_DIR);
    }

    /**
     * Starts headless Chromium with a fresh temporary profile; screenshots go under
     * {@code reportDir/screenshots}. Skips the calling test (fails it when {@code CI=true}) where
     * Chromium or its driver is missing.
     */
    public static Browser open(Path reportDir) {
        Binaries binaries = requireBinaries();
        Path profile;
        try {
            profile = Files.createTempDirectory("browser-profile-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binaries.chrome().toFile());
        options.addArguments(FLAGS);
        options.addArguments("--user-data-dir=" + profile.toAbsolutePath());
        options.setPageLoadStrategy(PageLoadStrategy.NORMAL);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        options.setExperimentalOption("perfLoggingPrefs", Map.of("enableNetwork", true, "enablePage", false));

        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(binaries.chromedriver().toFile())
                .usingAnyFreePort()
                .withSilent(true)
                .build();
        try {
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return new Browser(driver, service, profile, reportDir, DEFAULT_TIMEOUT);
        } catch (RuntimeException e) {
            service.stop();
            deleteTree(profile);
            throw e;
        }
    }

    /** The paths {@link #open} will use, or a skip (a failure when {@code CI=true}) if either is missing. */
    public static Binaries requireBinaries() {
        Path chrome = Path.of(setting("CHROME_BIN", DEFAULT_CHROME_BIN));
        Path chromedriver = Path.of(setting("CHROMEDRIVER", DEFAULT_CHROMEDRIVER));
        List<String> missing = new ArrayList<>();
        if (!Files.isExecutable(chrome)) {
            missing.add("Chromium (" + chrome + ", CHROME_BIN)");
        }
        if (!Files.isExecutable(chromedriver)) {
            missing.add("ChromeDriver (" + chromedriver + ", CHROMEDRIVER)");
        }
        if (!missing.isEmpty()) {
            String message = "No real browser: missing " + String.join(" and ", missing)
                    + ". Install them with `apt-get install chromium chromium-driver`"
                    + " or point CHROME_BIN / CHROMEDRIVER at them.";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(message);
            }
            Assumptions.abort(message);
        }
        return new Binaries(chrome, chromedriver);
    }

    /** The Chromium binary and the matching ChromeDriver. */
    public record Binaries(Path chrome, Path chromedriver) {
    }

    private static String setting(String name, String fallback) {
        String property = System.getProperty(name);
        if (property != null && !property.isBlank()) {
            return property;
        }
        String env = System.getenv(name);
        return env != null && !env.isBlank() ? env : fallback;
    }

    /** The underlying driver, for anything the helpers do not cover. */
    public WebDriver driver() {
        return driver;
    }

    /** The temporary profile ({@code --user-data-dir}); {@link #close()} deletes it. */
    public Path profile() {
        return profile;
    }

    /** Loads a page and waits for its load event. */
    public Browser visit(String url) {
        driver.get(url);
        return this;
    }

    /** The current document's URL. */
    public String currentUrl() {
        return driver.getCurrentUrl();
    }

    /** Runs a script in the page (WebDriver's executeScript: {@code return …} gives the value). */
    public Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    // ---------------------------------------------------------------- problems

    /**
     * Every problem seen since the browser opened (or {@link #clearProblems()}), in order, as
     * {@code "SEVERE <source> <message>"}: uncaught errors, unhandled rejections, console.error
     * calls, failed requests, in any page of the session.
     */
    public List<String> problems() {
        drainLogs();
        return List.copyOf(problems);
    }

    /** Fails with every problem listed, if there is any. */
    public void assertNoProblems() {
        List<String> seen = problems();
        if (!seen.isEmpty()) {
            throw new AssertionError("The browser reported " + seen.size() + " problem(s) on " + currentUrl()
                    + ":\n  " + String.join("\n  ", seen));
        }
    }

    /**
     * Waits until a problem containing {@code fragment} has been reported (a request's failure or a
     * late error arrives after the load event) and returns it.
     */
    public String waitForProblem(String fragment) {
        return waiting().withMessage(() -> "a browser problem containing \"" + fragment + "\"; seen: " + problems)
                .until(d -> problems().stream().filter(p -> p.contains(fragment)).findFirst().orElse(null));
    }

    /** From now on, problems matching this regular expression (the whole line) are not reported. */
    public Browser ignoreProblems(String regex) {
        ignored.add(Pattern.compile(regex).asMatchPredicate());
        return this;
    }

    /** Forgets the problems seen so far (for a test that provoked some on purpose). */
    public void clearProblems() {
        drainLogs();
        problems.clear();
    }

    // ---------------------------------------------------------------- requests

    /**
     * Every http(s)/ws(s) URL requested since the browser opened, in order, each once: documents,
     * scripts, styles, images, fetch/XHR, failed ones included, and Chromium's own favicon request.
     */
    public List<String> requests() {
        drainLogs();
        return List.copyOf(requests);
    }

    /** The requests not from the given origin (scheme, host and port of {@code base}). */
    public List<String> foreignRequests(String base) {
        String origin = origin(URI.create(base));
        return requests().stream().filter(url -> !origin(URI.create(url)).equals(origin)).toList();
    }

    /**
     * The current page's own view of what it loaded: the document URL followed by its Resource
     * Timing entries ({@code performance.getEntriesByType('resource')}).
     */
    @SuppressWarnings("unchecked")
    public List<String> pageResources() {
        List<String> urls = new ArrayList<>();
        urls.add(currentUrl());
        urls.addAll((List<String>) script("return performance.getEntriesByType('resource').map(e => e.name);"));
        return urls;
    }

    private static String origin(URI uri) {
        int port = uri.getPort() != -1 ? uri.getPort()
                : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : "http".equalsIgnoreCase(uri.getScheme()) ? 80 : -1;
        return uri.getScheme() + "://" + uri.getHost() + ":" + port;
    }

    private void drainLogs() {
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            String line = entry.getLevel() + " " + entry.getMessage();
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue() && ignored.stream().noneMatch(p -> p.test(line))) {
                problems.add(line);
            }
        }
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            Map<String, Object> message = JSON.toType(entry.getMessage(), Json.MAP_TYPE);
            @SuppressWarnings("unchecked")
            Map<String, Object> inner = (Map<String, Object>) message.get("message");
            if (inner != null && "Network.requestWillBeSent".equals(inner.get("method"))) {
                @SuppressWarnings("unchecked")
                Map<String, Object> request = (Map<String, Object>) ((Map<String, Object>) inner.get("params")).get("request");
                String url = String.valueOf(request.get("url"));
                if (WEB_SCHEMES.matcher(url).lookingAt()) {
                    requests.add(url);
                }
            }
        }
    }

    // ---------------------------------------------------------------- screenshots

    /** Saves a PNG of the viewport as {@code <reportDir>/screenshots/<name>.png} and returns its path. */
    public Path screenshot(String name) {
        Path file = reportDir.resolve("screenshots").resolve(name.replaceAll("[^A-Za-z0-9._-]", "_") + ".png");
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    // ---------------------------------------------------------------- waits

    /** The CSS selector of the element with this {@code data-testid}. */
    public static By testId(String testId) {
        return By.cssSelector("[data-testid=\"" + testId.replace("\"", "\\\"") + "\"]");
    }

    /** A wait with the default timeout (10 s), for conditions the helpers below do not cover. */
    public WebDriverWait waiting() {
        return waiting(timeout);
    }

    public WebDriverWait waiting(Duration timeout) {
        return new WebDriverWait(driver, timeout);
    }

    /** Waits until the element with this {@code data-testid} is in the page, and returns it. */
    public WebElement waitForTestId(String testId) {
        return waiting().until(ExpectedConditions.presenceOfElementLocated(testId(testId)));
    }

    /** Waits until the element with this {@code data-testid} is shown, and returns it. */
    public WebElement waitForVisible(String testId) {
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(testId(testId)));
    }

    /** Waits until the element with this {@code data-testid} has {@code attribute="value"} (e.g. {@code data-state="live"}). */
    public WebElement waitForAttribute(String testId, String attribute, String value) {
        return waitForAttribute(testId, attribute, value, timeout);
    }

    public WebElement waitForAttribute(String testId, String attribute, String value, Duration timeout) {
        By by = testId(testId);
        waiting(timeout).withMessage(() -> "[data-testid=" + testId + "] to have " + attribute + "=\"" + value + "\"")
                .until(ExpectedConditions.attributeToBe(by, attribute, value));
        return driver.findElement(by);
    }

    /** Waits until the element with this {@code data-testid} contains this text. */
    public WebElement waitForText(String testId, String text) {
        By by = testId(testId);
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(by, text));
        return driver.findElement(by);
    }

    /** Waits until this text is anywhere in the page body. */
    public void waitForPageText(String text) {
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), text));
    }

    // ---------------------------------------------------------------- close

    /** Quits Chromium and its driver and deletes the temporary profile. */
    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteTree(profile);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException ignored) {
                    // a file Chromium was still closing; the directory is in the temp dir anyway
                }
            });
        } catch (IOException | UncheckedIOException ignored) {
            // as above
        }
    }
}
