package com.tagline.station.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * The operator console in a real browser (issue 14): Debian's chromium through chromium-driver against
 * {@code station simulate --console}, paced so it runs for a person. The page loads with no console
 * error; the counters rise while chips are encoded; the simulated e-stop turns the banner red within 2 s
 * of the station reporting it; a control without the token is refused and the reset with it brings the
 * line back; afterwards {@code /metrics} passes {@code promtool check metrics} and its chip counters equal
 * the simulation's summary; and no page, API answer, event or metric carries a key or a token
 * ({@link SecretScan}). Screenshots go to {@code target/console-*.png}.
 */
@Timeout(120)
class ConsoleBrowserTest {
    private static final String OPERATOR_TOKEN = "browser-test-operator-token-42";
    private static final Pattern URL = Pattern.compile("operator console at (http://\\S+/)");

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private long redAfterMs = -1;
    private String pageLoad = "-";

    @Test
    void anOperatorWatchesAPacedSimulationResetsAnEstopAndTheMetricsAgree() throws Exception {
        Path token = ownerOnly(dir.resolve("operator.token"), OPERATOR_TOKEN + "\n");
        Path keys = ownerOnly(dir.resolve("keys.yaml"), Files.readString(Path.of("..", "configs", "keys.example.yaml")));
        try (BackgroundCli cli = new BackgroundCli("simulate", "--count", "80", "--json", "--keys", keys.toString(),
                "--console", "127.0.0.1:0", "--pace", "4", "--estop-at", "20", "--estop-for", "10",
                "--operator-token-file", token.toString(), "--target-per-hour", "5000", "--linger")) {
            String url = cli.awaitErr(URL, Duration.ofSeconds(30));
            ChromeDriver browser = Chromium.start(dir.resolve("chromium-profile"));
            try {
                watch(browser, url);
                String summary = awaitSummary(cli);
                assertMetricsMatch(url, json.readTree(summary));
                SecretScan.assertClean(SecretScan.everything(http, url, browser), keys, OPERATOR_TOKEN);
                // the one expected: the wrong token's 401, which the page reports to the operator
                assertNoConsoleErrors(browser, List.of("api/line/reset - Failed to load resource: the server responded"
                        + " with a status of 401"));
            } finally {
                browser.quit();
            }
            assertEquals(0, cli.stop(Duration.ofSeconds(20)), cli.out() + cli.err());
        }
        System.out.printf("console: page loaded in %s; banner red %d ms after the station reported the e-stop%n",
                pageLoad, redAfterMs);
    }

    private void watch(ChromeDriver browser, String url) throws Exception {
        browser.get(url);
        await(() -> !banner(browser).equals("Connecting"), Duration.ofSeconds(10), "the page shows the station");
        @SuppressWarnings("unchecked")
        List<Number> load = (List<Number>) browser.executeScript("const n = performance.getEntriesByType('navigation')[0];"
                + " const r = performance.getEntriesByType('resource').filter(e => !e.name.includes('/api/events'));"
                + " return [n.loadEventEnd, n.decodedBodySize + r.reduce((s, e) => s + e.decodedBodySize, 0)];");
        pageLoad = load.get(0).longValue() + " ms, " + load.get(1).longValue() + " bytes";
        await(() -> counter(browser, "good") > 0, Duration.ofSeconds(20), "chips are counted");
        long first = counter(browser, "good");
        await(() -> counter(browser, "good") > first, Duration.ofSeconds(20), "the counters rise");
        assertNoConsoleErrors(browser, List.of());

        await(() -> "ESTOP".equals(lineState(url)), Duration.ofSeconds(30), "the simulated e-stop");
        long pressed = System.nanoTime();
        await(() -> browser.findElement(By.id("banner")).getAttribute("class").contains("alarm"), Duration.ofSeconds(2),
                "the banner turns red within 2 s");
        redAfterMs = (System.nanoTime() - pressed) / 1_000_000;
        screenshot(browser, "console-estop.png");

        await(() -> "AWAIT_RESET".equals(lineState(url)), Duration.ofSeconds(30), "the e-stop released");
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(url + "api/line/reset"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, anonymous.statusCode(), "a control without the token is refused");
        assertEquals("AWAIT_RESET", lineState(url));
        browser.findElement(By.id("token")).sendKeys("not-the-operator-token-000");
        browser.findElement(By.id("btn-reset")).click();
        await(() -> browser.findElement(By.id("control-result")).getText().contains("refused (401)"),
                Duration.ofSeconds(5), "the page says the wrong token was refused");
        browser.findElement(By.id("token")).clear();
        browser.findElement(By.id("token")).sendKeys(OPERATOR_TOKEN);
        browser.findElement(By.id("btn-reset")).click();
        await(() -> "running".equals(browser.findElement(By.id("banner")).getAttribute("data-state")),
                Duration.ofSeconds(5), "the reset brings the line back");
        long after = counter(browser, "good");
        await(() -> counter(browser, "good") > after, Duration.ofSeconds(20), "chips are encoded again");
        screenshot(browser, "console.png");
    }

    private String awaitSummary(BackgroundCli cli) throws InterruptedException {
        await(() -> cli.out().contains("\"encoded\""), Duration.ofSeconds(60), "the simulation's summary");
        return cli.out().lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElseThrow();
    }

    /** /metrics passes promtool and its chip counters are the summary's. */
    private void assertMetricsMatch(String url, JsonNode summary) throws Exception {
        String metrics = get(url + "metrics");
        Map<String, Long> byReason = new HashMap<>();
        long configured = 0;
        long total = 0;
        Matcher m = Pattern.compile("(?m)^tagline_chips_total\\{outcome=\"(\\w+)\",protocol=\"\\w+\",reason=\"(\\w+)\"} (\\d+)\\.0$")
                .matcher(metrics);
        while (m.find()) {
            long n = Long.parseLong(m.group(3));
            total += n;
            if (m.group(1).equals("configured")) {
                configured += n;
            } else {
                byReason.merge(m.group(2), n, Long::sum);
            }
        }
        assertEquals(summary.get("count").asLong(), total, metrics);
        assertEquals(summary.get("encoded").asLong(), configured);
        Map<String, Long> expected = new HashMap<>();
        summary.get("failed_by_reason").fields().forEachRemaining(e -> expected.put(e.getKey(), e.getValue().asLong()));
        assertEquals(expected, byReason);
        assertTrue(summary.get("encoded").asLong() >= 30, summary.toString());
        Promtool.assertClean(metrics);
    }

    /** No error in the browser's console since the last look, but for {@code expected} ones. */
    private void assertNoConsoleErrors(WebDriver browser, List<String> expected) {
        List<LogEntry> severe = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .filter(e -> expected.stream().noneMatch(x -> e.getMessage().contains(x))).toList();
        assertTrue(severe.isEmpty(), "browser console errors: " + severe);
    }

    private String lineState(String url) {
        try {
            return json.readTree(get(url + "api/status")).get("line").get("state").asText();
        } catch (Exception e) {
            return "unreachable";
        }
    }

    private String get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String banner(WebDriver browser) {
        return browser.findElement(By.id("banner-text")).getText();
    }

    private static long counter(WebDriver browser, String id) {
        String v = browser.findElement(By.id(id)).getText().replace(",", "");
        return v.matches("\\d+") ? Long.parseLong(v) : -1;
    }

    private static void await(BooleanSupplier condition, Duration limit, String what) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + limit.toMillis() + " ms: " + what);
            }
            Thread.sleep(25); // poll with a deadline
        }
    }

    private static void screenshot(ChromeDriver browser, String name) throws Exception {
        Path target = Path.of("target", name);
        Files.write(target, browser.getScreenshotAs(OutputType.BYTES));
    }

    private static Path ownerOnly(Path f, String text) throws Exception {
        Files.writeString(f, text);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        return f;
    }
}
