package org.circlekeeper.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A member's own page end to end, in the shared real headless Chromium against the whole app: a member checks in in
 * the console, asks for their page from {@code /mydata}'s button, reads their history (and no one else's), downloads
 * the same export {@code /mydata} sends, cannot open an organisers' page, and erases their data through the page, after
 * which the console finds nothing; a used link, and one ten minutes old by the bot's (the console's virtual) clock, are
 * refused. axe-core on every page; screenshots at desktop and phone
 * widths under {@code target/screenshots}. Its members (mara, nils, milo) and organiser (orla) are its own.
 */
class DashboardMemberBrowserTest {

    private static final Pattern BUTTON = Pattern.compile("\\[(\\d+)] ([^\\[\\n]+)");
    private static DashboardApp app;
    private static HeadlessChromium browser;

    @BeforeAll
    static void theAppAndABrowser() throws Exception {
        app = DashboardApp.get();
        browser = app.browser;
    }

    @AfterEach
    void signedOut() {
        browser.driver.manage().deleteAllCookies();
    }

    /** Presses the console button whose label ends with {@code label}, among those the console just printed. */
    private static String click(String printed, String label, String expected) throws Exception {
        Matcher button = BUTTON.matcher(printed);
        while (button.find()) {
            if (button.group(2).strip().endsWith(label)) {
                return app.say(":click " + button.group(1), expected);
            }
        }
        throw new AssertionError("no button '" + label + "' in:\n" + printed);
    }

    /** A member's own-page link, from the button under {@code /mydata}. */
    private static String ownLink() throws Exception {
        String mydata = app.say("/mydata", "Open my page");
        Matcher link = DashboardApp.LINK.matcher(click(mydata, "Open my page", "/dashboard/signin/"));
        assertThat(link.find()).isTrue();
        return link.group(1);
    }

    /** The JSON file the console printed after {@code (file circlekeeper-my-data.json ...)}, its lines unindented. */
    private static JsonNode printedExport(String printed) {
        List<String> lines = new ArrayList<>();
        boolean in = false;
        for (String line : printed.split("\\R")) {
            if (line.contains("(file circlekeeper-my-data.json")) {
                in = true;
            } else if (in && line.startsWith("    ")) {
                lines.add(line.substring(4));
            } else if (in) {
                break;
            }
        }
        return withoutTime(JsonMapper.builder().build().readTree(String.join("\n", lines)));
    }

    private static JsonNode withoutTime(JsonNode export) {
        ((ObjectNode) export).remove("exportedAt");
        return export;
    }

    private static String text(String css) {
        return browser.driver.findElement(By.cssSelector(css)).getText();
    }

    @Test
    void aMemberReadsTheirHistoryDownloadsTheirDataCannotOpenOrganiserPagesAndErasesIt() throws Exception {
        app.say(":as nils", "you are nils");
        click(app.say("/checkin", "How are you today?"), "Low", "I saved");
        app.say(":as mara", "you are mara");
        click(app.say("/checkin", "How are you today?"), "Good", "I saved");
        app.say(":clock +1d", "the time is now");
        click(app.say("/checkin", "How are you today?"), "Great", "I saved");

        String link = ownLink();
        app.signIn(link);
        assertThat(browser.driver.getCurrentUrl()).isEqualTo(app.base + "/dashboard/me");
        assertThat(app.heading()).isEqualTo("My page");
        assertThat(browser.driver.findElement(By.cssSelector("svg.mood-chart")).getAttribute("role")).isEqualTo("img");
        assertThat(browser.driver.findElements(By.cssSelector("svg.mood-chart circle.mood-point"))).hasSize(2);
        List<WebElement> rows = browser.driver.findElements(By.cssSelector("table.own-days tbody tr"));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).getText()).endsWith("Good");
        assertThat(rows.get(1).getText()).endsWith("Great");
        assertThat(text("table.own-days")).as("nils's day is not on mara's page").doesNotContain("Low");
        assertThat(text("li.streak")).isEqualTo("Check-ins in a row, up to today: 2.");
        assertThat(browser.driver.findElements(By.cssSelector("nav a"))).extracting(WebElement::getText).containsExactly("My page");
        app.assertAccessible("own page");
        browser.screenshot("own-desktop", HeadlessChromium.DESKTOP);
        browser.screenshot("own-phone", HeadlessChromium.PHONE);

        // the download is the file /mydata sends in chat (with this session open, as the chat's export now says too)
        String cookie = "ck-page=" + browser.driver.manage().getCookieNamed("ck-page").getValue();
        HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(app.base + "/dashboard/me/export"))
                .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d)
                .startsWith("attachment").contains("circlekeeper-my-data.json"));
        assertThat(download.headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("no-store"));
        assertThat(download.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode fromPage = withoutTime(JsonMapper.builder().build().readTree(new String(download.body(), StandardCharsets.UTF_8)));
        JsonNode fromChat = printedExport(app.say("/mydata", "Open my page"));
        assertThat(fromPage).isEqualTo(fromChat);
        assertThat(fromPage.path("data").path("checkins").isMissingNode()).as("the export holds the check-ins").isFalse();
        assertThat(fromPage.toString()).doesNotContain("nils");

        // a member's session opens no organisers' page, nor any form
        for (String organisers : List.of("/dashboard/calendar", "/dashboard/do", "/dashboard/do/circle/create")) {
            HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(app.base + organisers))
                    .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).as(organisers).isEqualTo(403);
        }
        browser.driver.get(app.base + "/dashboard/calendar");
        assertThat(text("main p.message")).startsWith("This page is for the group's organisers");
        app.assertAccessible("organisers only");
        browser.screenshots("organisers-only");

        // erasing: the engine's own question, then its confirmation; the session ends with the data
        browser.driver.get(app.base + "/dashboard/me");
        app.submit(By.cssSelector("section.own-erase form button"));
        assertThat(app.heading()).isEqualTo("Erase your data?");
        assertThat(text("main .answer-text")).startsWith("This erases everything I keep about you");
        app.assertAccessible("erase question");
        browser.screenshots("own-erase");
        app.submit(By.cssSelector("main form button.danger"));
        assertThat(text("main .answer-text")).startsWith("Done. I erased everything I kept about you.");
        assertThat(browser.driver.manage().getCookieNamed("ck-page")).as("the session cookie is cleared").isNull();
        app.assertAccessible("erased");
        browser.screenshots("own-erased");
        browser.driver.get(app.base + "/dashboard/me");
        assertThat(text("main p.message")).startsWith("You are not signed in");
        assertThat(app.say("/mydata", "I keep")).contains("I keep nothing about you at the moment.");

        // the link was used: it opens nothing again
        app.signIn(link);
        assertThat(text("main p.message")).startsWith("This link has been used already or has expired.");
    }

    @Test
    void anOrganisersOwnLinkOpensTheOrganisersPageAndTheirOwnPageIsInItsNavigation() throws Exception {
        app.say(":as orla organiser", "you are orla");
        click(app.say("/checkin", "How are you today?"), "Okay", "I saved");
        app.signIn(ownLink());
        assertThat(app.heading()).isEqualTo("My page");
        assertThat(browser.driver.findElements(By.cssSelector("nav a"))).extracting(WebElement::getText).containsExactly("My page");

        app.signIn(app.newLink("orla"));
        assertThat(browser.driver.getCurrentUrl()).isEqualTo(app.base + "/dashboard/calendar");
        assertThat(browser.driver.findElements(By.cssSelector("nav a"))).extracting(WebElement::getText).contains("My page");
        browser.driver.get(app.base + "/dashboard/me");
        assertThat(text("li.streak")).isEqualTo("Check-ins in a row, up to today: 1.");
        app.assertAccessible("an organiser's own page");
    }

    @Test
    void aLinkOlderThanTenMinutesByTheBotsClockIsRefused() throws Exception {
        app.say(":as milo", "you are milo");
        click(app.say("/checkin", "How are you today?"), "Okay", "I saved");
        String link = ownLink();
        app.say(":clock +11m", "the time is now");
        app.signIn(link);
        assertThat(text("main p.message")).startsWith("This link has been used already or has expired.");
        assertThat(browser.driver.manage().getCookieNamed("ck-page")).isNull();
        app.assertAccessible("expired link");
    }
}
