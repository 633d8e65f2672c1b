package org.circlekeeper.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The organisers' page end to end, in a real headless Chromium against the whole app (console adapter, embedded Redis,
 * web port): an organiser types {@code /dashboard} in the console, opens the link, signs in, reads the month and a
 * meeting, and signs out; a used link is refused; a change without the page's token is refused; every page passes the
 * axe-core check; screenshots at desktop and phone widths are written under {@code target/screenshots}.
 */
class DashboardBrowserTest {

    private static final Pattern LINK = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+/dashboard/signin/[A-Za-z0-9_-]{43})");
    private static final long WAIT_MILLIS = 30_000;
    /** A loaded two-core machine was seen to take over 40 s to start the whole app. */
    private static final long START_MILLIS = 180_000;

    @TempDir
    static Path data;

    private static final ByteArrayOutputStream CONSOLE_OUT = new ByteArrayOutputStream();
    private static PipedOutputStream consoleIn;
    private static Thread app;
    private static final AtomicReference<ConfigurableApplicationContext> CONTEXT = new AtomicReference<>();
    private static final AtomicReference<Throwable> FAILED = new AtomicReference<>();
    private static String base;
    private static HeadlessChromium browser;

    @BeforeAll
    static void startTheAppAndABrowser() throws Exception {
        browser = new HeadlessChromium("en-US,en");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        base = "http://127.0.0.1:" + port;
        consoleIn = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(consoleIn, 1 << 16);
        ConsoleConfiguration.ConsoleStreams streams = new ConsoleConfiguration.ConsoleStreams(in,
                new PrintStream(CONSOLE_OUT, true, StandardCharsets.UTF_8));
        app = new Thread(() -> {
            try {
                new SpringApplicationBuilder(CirclekeeperApplication.class)
                        .initializers(ctx -> {
                            ctx.getBeanFactory().registerSingleton("consoleStreams", streams);
                            CONTEXT.set(ctx);
                        })
                        .run("--circlekeeper.redis.embedded.port=0", "--circlekeeper.redis.embedded.data-dir=" + data.resolve("redis"),
                                "--circlekeeper.web.port=" + port, "--circlekeeper.web.public-url=" + base);
            } catch (Throwable failed) {
                FAILED.set(failed);
            }
        }, "app");
        app.start();
        say(":as olivia organiser", "you are olivia", START_MILLIS);
        say("/community timezone Europe/Berlin", "Europe/Berlin");
        say("/circle create \"Tuesday circle\" every tuesday 19:00", "New circle: Tuesday circle");
        say(":as alice", "you are alice");
        say("/next", "Will you come?");
        say(":click 1", "coming");
        say(":as olivia organiser", "you are olivia");
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (consoleIn != null) {
            consoleIn.write(":quit\n".getBytes(StandardCharsets.UTF_8));
            consoleIn.close();
        }
        if (app != null) {
            app.join(WAIT_MILLIS);
        }
    }

    /** Types a line into the console and waits until the console has printed {@code expected} after it. */
    private static String say(String line, String expected) throws Exception {
        return say(line, expected, WAIT_MILLIS);
    }

    private static String say(String line, String expected, long waitMillis) throws Exception {
        int from = CONSOLE_OUT.size();
        consoleIn.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        consoleIn.flush();
        long until = System.currentTimeMillis() + waitMillis;
        while (System.currentTimeMillis() < until) {
            byte[] all = CONSOLE_OUT.toByteArray();
            String said = new String(all, from, all.length - from, StandardCharsets.UTF_8);
            if (said.contains(expected)) {
                return said;
            }
            Thread.sleep(50);
        }
        AssertionError late = new AssertionError("the console did not answer '" + line + "' with '" + expected + "'; it printed:\n"
                + CONSOLE_OUT.toString(StandardCharsets.UTF_8), FAILED.get());
        Throwable where = new Throwable("the app's thread, " + app.getState());
        where.setStackTrace(app.getStackTrace());
        late.addSuppressed(where);
        throw late;
    }

    /** A new sign-in link, asked for by the organiser in the console (each test has its own, so none meets the limit). */
    private static String newLink(String organiser) throws Exception {
        say(":as " + organiser + " organiser", "you are " + organiser);
        Matcher link = LINK.matcher(say("/dashboard", "/dashboard/signin/"));
        assertThat(link.find()).isTrue();
        return link.group(1);
    }

    /** The month of the circle's first meeting, by the app's own clock (a virtual one, started at the real time). */
    private static YearMonth firstMeetingMonth() {
        ZonedDateTime now = ZonedDateTime.now(CONTEXT.get().getBean(Clock.class)).withZoneSameInstant(ZoneId.of("Europe/Berlin"));
        ZonedDateTime next = now.with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY)).withHour(19).withMinute(0);
        return YearMonth.from(next.isAfter(now) ? next : next.plusWeeks(1));
    }

    private static String heading() {
        return browser.driver.findElement(By.tagName("h1")).getText();
    }

    private static void assertAccessible(String page) {
        assertThat(browser.accessibilityViolations()).as("axe-core on the %s page", page).isEmpty();
    }

    private static void signIn(String link) {
        browser.driver.get(link);
        assertThat(heading()).isEqualTo("Sign in to the organisers' page");
        submit(By.cssSelector("main form button"));
    }

    /** Presses a form's button and waits until the browser has left the page (a form's answer is a new page). */
    private static void submit(By button) {
        WebElement pressed = browser.driver.findElement(button);
        pressed.click();
        new WebDriverWait(browser.driver, Duration.ofMillis(WAIT_MILLIS)).until(ExpectedConditions.stalenessOf(pressed));
    }

    @Test
    void anOrganiserSignsInWithTheLinkReadsTheMonthAndAMeetingAndSignsOut() throws Exception {
        String link = newLink("olivia");
        browser.driver.get(link);
        assertThat(heading()).isEqualTo("Sign in to the organisers' page");
        assertAccessible("sign-in");
        browser.screenshot("signin-desktop", HeadlessChromium.DESKTOP);
        submit(By.cssSelector("main form button"));

        assertThat(browser.driver.getCurrentUrl()).isEqualTo(base + "/dashboard/calendar");
        Cookie cookie = browser.driver.manage().getCookieNamed("ck-page");
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Lax");
        assertThat(cookie.getPath()).isEqualTo("/");

        YearMonth month = firstMeetingMonth();
        browser.driver.get(base + "/dashboard/calendar?month=" + month);
        assertThat(heading()).startsWith("Circles in ");
        assertThat(browser.driver.findElement(By.cssSelector("main p.zone")).getText()).isEqualTo("Times are shown in Europe/Berlin.");
        WebElement first = browser.driver.findElement(By.cssSelector("main ul.list a"));
        assertThat(first.getText()).contains("7:00 PM Tuesday circle");
        assertThat(browser.driver.findElements(By.cssSelector("table.month th[scope=col]"))).hasSize(7);
        assertAccessible("calendar");
        browser.screenshot("calendar-desktop", HeadlessChromium.DESKTOP);
        browser.screenshot("calendar-phone", HeadlessChromium.PHONE);

        // keyboard: the first Tab reaches the skip link, which leads to the main content
        browser.driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        assertThat(browser.driver.switchTo().activeElement().getText()).isEqualTo("Skip to the main content");

        first.click();
        new WebDriverWait(browser.driver, Duration.ofMillis(WAIT_MILLIS)).until(ExpectedConditions.stalenessOf(first));
        assertThat(heading()).isEqualTo("Tuesday circle");
        String details = browser.driver.findElement(By.cssSelector("dl.details")).getText();
        assertThat(details).contains("here in the group chat").contains("Basic peer-support circle").contains("every Tuesday at 7:00 PM");
        assertThat(browser.driver.findElement(By.cssSelector("ul.answers")).getText()).contains("Coming: 1").contains("Maybe: 0");
        assertAccessible("meeting");
        browser.screenshot("meeting-desktop", HeadlessChromium.DESKTOP);
        browser.screenshot("meeting-phone", HeadlessChromium.PHONE);
        assertThat(browser.driver.getCurrentUrl()).as("no personal data in the address")
                .matches(Pattern.quote(base) + "/dashboard/meetings/tuesday-circle/\\d{8}T1900");

        submit(By.cssSelector("form.signout button"));
        assertThat(browser.driver.findElement(By.cssSelector("main p.message")).getText()).startsWith("You are signed out.");
        assertAccessible("signed-out");
        browser.driver.get(base + "/dashboard/calendar");
        assertThat(browser.driver.findElement(By.cssSelector("main p.message")).getText()).startsWith("You are not signed in");
    }

    @Test
    void aUsedLinkIsRefusedAndALinkPreviewFetchingItSignsNobodyIn() throws Exception {
        String link = newLink("oscar");
        HttpResponse<String> preview = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(link)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.headers().firstValue("Set-Cookie")).isEmpty();

        signIn(link);
        assertThat(browser.driver.getCurrentUrl()).isEqualTo(base + "/dashboard/calendar");
        browser.driver.manage().deleteAllCookies();

        signIn(link);
        assertThat(browser.driver.findElement(By.cssSelector("main p.message")).getText())
                .startsWith("This link has been used already or has expired.");
        assertAccessible("refused link");
        assertThat(browser.driver.manage().getCookieNamed("ck-page")).isNull();
    }

    @Test
    void aChangeWithoutThePagesTokenIsRefusedAndTheSessionStays() throws Exception {
        signIn(newLink("olga"));
        browser.driver.get(base + "/dashboard/calendar");
        // a forged form: the page's own sign-out button with another token in it
        browser.driver.executeScript("document.querySelector('form.signout input[name=_csrf]').value = 'forged';");
        submit(By.cssSelector("form.signout button"));
        assertThat(browser.driver.findElement(By.cssSelector("main p.message")).getText())
                .startsWith("That change was refused because the page could not confirm it came from you.");

        browser.driver.get(base + "/dashboard/calendar");
        assertThat(heading()).as("still signed in").startsWith("Circles in ");

        // the same without the browser: no session cookie, a foreign origin, or a body too big
        String cookie = "ck-page=" + browser.driver.manage().getCookieNamed("ck-page").getValue();
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> foreign = http.send(HttpRequest.newBuilder(URI.create(base + "/dashboard/signout"))
                .header("Cookie", cookie).header("Origin", "http://evil.example")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=anything")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(foreign.statusCode()).isEqualTo(403);
        HttpResponse<String> big = http.send(HttpRequest.newBuilder(URI.create(base + "/dashboard/signout"))
                .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + "x".repeat(8_000))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(big.statusCode()).isEqualTo(413);
        browser.driver.get(base + "/dashboard/calendar");
        assertThat(heading()).as("still signed in").startsWith("Circles in ");
    }

    @Test
    void anOrganiserWhoLostTheRoleIsSignedOutKindlyAtTheNextPage() throws Exception {
        signIn(newLink("rosa"));
        browser.driver.get(base + "/dashboard/calendar");
        assertThat(heading()).startsWith("Circles in ");

        // the group's administrators take the role away; the page asks the platform (here the console) on every request
        say(":as rosa member", "you are rosa (member)");
        browser.driver.get(base + "/dashboard/calendar?month=" + firstMeetingMonth());
        assertThat(browser.driver.findElement(By.cssSelector("main p.message")).getText())
                .startsWith("You are signed out: the group no longer lists you as an organiser");
        assertThat(browser.driver.findElements(By.cssSelector("form.signout"))).as("no page of an organiser's is shown").isEmpty();
        assertThat(browser.driver.manage().getCookieNamed("ck-page")).as("the session cookie is cleared").isNull();
        assertAccessible("role lost");
        browser.screenshot("role-lost-phone", HeadlessChromium.PHONE);

        // getting the role back does not bring the ended session back: a new link is needed
        say(":as rosa organiser", "you are rosa (organiser)");
        browser.driver.get(base + "/dashboard/calendar");
        assertThat(browser.driver.findElement(By.cssSelector("main p.message")).getText()).startsWith("You are not signed in");
    }

    @Test
    void everyPageCarriesAStrictPolicyAndNoCaching() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/dashboard/calendar"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(401);
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy -> assertThat(policy)
                .contains("default-src 'none'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline"));
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("same-origin");
        assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(page.body()).doesNotContain("<script");
    }

    @Test
    void theOrganisersPageSpeaksTheOrganisersLanguage() throws Exception {
        say(":as sofia organiser", "you are sofia");
        say("/language es", "español");
        try {
            signIn(newLink("sofia"));
            assertThat(heading()).startsWith("Círculos de ");
            assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("es");
            assertThat(browser.driver.findElement(By.cssSelector("form.signout button")).getText()).isEqualTo("Cerrar sesión");
            assertAccessible("calendar in Spanish");
        } finally {
            browser.driver.manage().deleteAllCookies();
        }
    }
}
