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
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.circlekeeper.web.DashboardGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The organisers' page end to end, in a real headless Chromium against the whole app (console adapter, embedded Redis,
 * web port): an organiser types {@code /dashboard} in the console, opens the link, signs in, reads the month and a
 * meeting, and signs out; a used link is refused; a change without the page's token is refused; every page passes the
 * axe-core check; screenshots at desktop and phone widths are written under {@code target/screenshots}.
 */
class DashboardBrowserTest {

    private static DashboardApp app;
    private static String base;
    private static HeadlessChromium browser;

    @BeforeAll
    static void theAppAndABrowser() throws Exception {
        app = DashboardApp.get();
        base = app.base;
        browser = app.browser;
    }

    @AfterEach
    void signedOut() {
        browser.driver.manage().deleteAllCookies();
    }

    private static String say(String line, String expected) throws Exception {
        return app.say(line, expected);
    }

    private static String newLink(String organiser) throws Exception {
        return app.newLink(organiser);
    }

    private static YearMonth firstMeetingMonth() {
        return app.firstMeetingMonth();
    }

    private static String heading() {
        return app.heading();
    }

    private static void assertAccessible(String page) {
        app.assertAccessible(page);
    }

    private static void signIn(String link) {
        browser.driver.get(link);
        assertThat(heading()).isEqualTo("Sign in to the organisers' page");
        submit(By.cssSelector("main form button"));
    }

    private static void submit(By button) {
        app.submit(button);
    }

    @Test
    void anOrganiserSignsInWithTheLinkReadsTheMonthAndAMeetingAndSignsOut() throws Exception {
        String link = newLink("olivia");
        browser.driver.get(link);
        assertThat(heading()).isEqualTo("Sign in to the organisers' page");
        assertAccessible("sign-in");
        browser.screenshots("signin");
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
        app.waitGone(first);
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
        browser.screenshots("signed-out");
        browser.driver.get(base + "/dashboard/calendar");
        assertThat(browser.driver.findElement(By.cssSelector("main p.message")).getText()).startsWith("You are not signed in");
        assertAccessible("not signed in");
        browser.screenshots("not-signed-in");
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
        browser.screenshots("refused-link");
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
        // HTTP/1.1 with a declared length, as a browser's form POST is (no h2c upgrade attempt on plain http)
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> foreign = http.send(HttpRequest.newBuilder(URI.create(base + "/dashboard/signout"))
                .header("Cookie", cookie).header("Origin", "http://evil.example")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=anything")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(foreign.statusCode()).isEqualTo(403);
        HttpResponse<String> big = http.send(HttpRequest.newBuilder(URI.create(base + "/dashboard/signout"))
                .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + "x".repeat(DashboardGuard.MAX_BODY))).build(), HttpResponse.BodyHandlers.ofString());
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
        browser.screenshots("role-lost");

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

        HttpResponse<String> css = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/dashboard/static/dashboard.css"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
        for (String missing : List.of("/dashboard/static/nothing.js", "/dashboard/static/..%2Fcalendar.mustache", "/dashboard/static/layout.mustache")) {
            assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + missing)).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).as(missing).isIn(400, 404);
        }
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
