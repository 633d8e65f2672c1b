package org.circlekeeper.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The resource library and the calendar feed on the organisers' page, in the shared headless Chromium against the whole
 * app: an organiser adds, edits and removes an entry of the group's own in the generated {@code /library} forms, hides
 * and shows again a shipped one, and members' searches in the console follow each change; a member's outdated-number
 * report appears and is cleared through the engine as in chat. The feed page shows the address chat gives, copies it,
 * and renews it through the engine, after which the old address is refused. axe-core on every page; screenshots.
 */
class DashboardLibraryBrowserTest {

    private static final Pattern BUTTON = Pattern.compile("\\[(\\d+)] %s");

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

    private static WebElement find(String css) {
        return browser.driver.findElement(By.cssSelector(css));
    }

    /** The card of the entry titled {@code title} on the library page. */
    private static WebElement entry(String title) {
        return browser.driver.findElements(By.cssSelector("li.library-entry")).stream()
                .filter(li -> li.findElement(By.tagName("h3")).getText().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no entry titled " + title + " on the library page"));
    }

    /** The bot's answer shown on a form's page after sending it. */
    private static String answerOf() {
        return find("section.answer").getText();
    }

    private static void library() {
        browser.driver.get(app.base + "/dashboard/library");
        assertThat(app.heading()).isEqualTo("Resource library");
    }

    /** Presses, in the console, the numbered button labelled {@code label} that the last line's answer showed. */
    private static String click(String said, String label, String expected) throws Exception {
        Matcher button = Pattern.compile(String.format(BUTTON.pattern(), Pattern.quote(label))).matcher(said);
        assertThat(button.find()).as("a button '%s' in: %s", label, said).isTrue();
        return app.say(":click " + button.group(1), expected);
    }

    @Test
    void anOrganiserCuratesTheLibraryInItsFormsAndChatFollows() throws Exception {
        app.signIn(app.newLink("libby"));
        library();
        assertThat(find("section.library-lines").getText()).contains("Samaritans");
        assertThat(entry("Box breathing").getText()).contains("comes with the bot").contains("For: anywhere");
        app.assertAccessible("library");
        browser.screenshot("library-desktop", HeadlessChromium.DESKTOP);
        browser.screenshot("library-phone", HeadlessChromium.PHONE);

        // add, in the generated form
        browser.driver.findElement(By.linkText("Add an entry of your group's own")).click();
        assertThat(browser.driver.getCurrentUrl()).isEqualTo(app.base + "/dashboard/do/library/add");
        new Select(find("#f-kind")).selectByValue("service");
        find("#f-title").sendKeys("Harbour walking group");
        find("#f-summary").sendKeys("We walk by the harbour on Saturdays at ten; all paces welcome.");
        find("#f-link").sendKeys("https://example.org/harbour");
        find("#f-tags").sendKeys("walking, outdoors");
        app.submit(By.cssSelector("form.command-form button[type=submit]"));
        assertThat(answerOf()).contains("Added Harbour walking group for this group (id: c-harbour-walking-group)");
        app.say(":as lina", "you are lina");
        app.say("/resource harbour", "Harbour walking group");

        // edit: the form opens with the entry's id and current values
        library();
        WebElement added = entry("Harbour walking group");
        assertThat(added.getText()).contains("your group's own").contains("c-harbour-walking-group");
        added.findElement(By.cssSelector("a[data-do=edit]")).click();
        assertThat(find("#f-id").getAttribute("value")).isEqualTo("c-harbour-walking-group");
        assertThat(find("#f-summary").getAttribute("value")).isEqualTo("We walk by the harbour on Saturdays at ten; all paces welcome.");
        assertThat(find("#f-link").getAttribute("value")).isEqualTo("https://example.org/harbour");
        assertThat(new Select(find("#f-kind")).getFirstSelectedOption().getAttribute("value")).isEqualTo("service");
        app.assertAccessible("library edit form");
        find("#f-title").clear();
        find("#f-title").sendKeys("Harbour walkers");
        app.submit(By.cssSelector("form.command-form button[type=submit]"));
        assertThat(answerOf()).contains("Saved: the title of c-harbour-walking-group is updated");
        app.say("/resource harbour", "Harbour walkers");

        // hide a shipped entry: members' searches no longer find it; show it again
        library();
        entry("Box breathing").findElement(By.cssSelector("a[data-do=hide]")).click();
        assertThat(find("#f-id").getAttribute("value")).isEqualTo("box-breathing");
        app.submit(By.cssSelector("form.command-form button[type=submit]"));
        assertThat(answerOf()).contains("is now hidden in this group");
        assertThat(app.say("/resource box breathing", "box breathing")).doesNotContain("Box breathing");
        library();
        assertThat(entry("Box breathing").getText()).contains("hidden in this group");
        entry("Box breathing").findElement(By.cssSelector("a[data-do=unhide]")).click();
        app.submit(By.cssSelector("form.command-form button[type=submit]"));
        assertThat(answerOf()).contains("is visible in this group again");
        app.say("/resource box breathing", "Box breathing");

        // remove the group's own entry
        library();
        entry("Harbour walkers").findElement(By.cssSelector("a[data-do=remove]")).click();
        app.submit(By.cssSelector("form.command-form button[type=submit]"));
        assertThat(answerOf()).contains("c-harbour-walking-group");
        assertThat(app.say("/resource harbour", "I didn't find anything for \"harbour\"")).doesNotContain("Harbour walkers");

        // a member reports an outdated number in chat; the organiser sees it and clears it as chat does
        app.say("/country GB", "Done: your country is United Kingdom");
        String crisis = app.say("/crisis", "A number here is outdated");
        String which = click(crisis, "A number here is outdated", "Samaritans");
        click(which, "Samaritans · 116 123", "I've let the organisers know");
        app.say(":as libby organiser", "you are libby");
        library();
        assertThat(find("section.library-reports").getText()).contains("Samaritans (United Kingdom, 116 123): marked 1 time(s)");
        app.assertAccessible("library with a report");
        app.submit(By.cssSelector("section.library-reports form button"));
        assertThat(answerOf()).contains("Crisis numbers that members marked as outdated").contains("Samaritans");
        app.submit(By.xpath("//section[contains(@class,'answer')]//button[normalize-space()='Clear these reports']"));
        assertThat(answerOf()).contains("Cleared.");
        library();
        assertThat(find("section.library-reports").getText()).contains("No one has marked a crisis number as outdated.");
    }

    @Test
    void theFeedPageCopiesTheAddressAndRenewsItSoTheOldOneIsRefused() throws Exception {
        app.signIn(app.newLink("fenna"));
        browser.driver.get(app.base + "/dashboard/feed");
        assertThat(app.heading()).isEqualTo("Calendar feed");
        String address = find("#feed-address").getAttribute("value");
        assertThat(address).matches(Pattern.quote(app.base) + "/calendar/[A-Za-z0-9_-]{22}\\.ics");
        assertThat(find("#feed-address").getAttribute("readonly")).isNotNull();
        String token = address.substring(address.lastIndexOf('/') + 1, address.length() - ".ics".length());
        assertThat(app.say("/circle feed", "calendar token")).as("the address chat gives").contains(token);
        HttpClient http = HttpClient.newHttpClient();
        assertThat(get(http, address).statusCode()).isEqualTo(200);

        // without a script the page still works: the Copy button is only shown by copy.js, and nothing is stored
        HttpResponse<String> bare = http.send(HttpRequest.newBuilder(URI.create(app.base + "/dashboard/feed"))
                .header("Cookie", "ck-page=" + browser.driver.manage().getCookieNamed("ck-page").getValue()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(bare.body()).containsPattern("<button type=\"button\" class=\"copy\"[^>]* hidden>");
        assertThat(bare.headers().firstValue("Cache-Control")).contains("no-store");

        // Copy: the script writes the address to the clipboard (Clipboard API, permission granted as a user would)
        browser.driver.executeCdpCommand("Browser.grantPermissions", Map.of("origin", app.base,
                "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        WebElement copy = find("button.copy");
        assertThat(copy.isDisplayed()).isTrue();
        copy.click();
        new WebDriverWait(browser.driver, Duration.ofMillis(DashboardApp.WAIT_MILLIS))
                .until(d -> d.findElement(By.id("copy-status")).getText().equals("Copied."));
        Object clipboard = browser.driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1]; navigator.clipboard.readText().then(done, e => done('failed: ' + e));");
        assertThat(clipboard).isEqualTo(address);
        app.assertAccessible("feed");
        browser.screenshot("feed-desktop", HeadlessChromium.DESKTOP);
        browser.screenshot("feed-phone", HeadlessChromium.PHONE);

        // Renew, through the engine: a new address, and the old one stops working at once
        app.submit(By.cssSelector("section.feed-renew form button"));
        assertThat(find("p.done").getText()).isEqualTo("Done: the calendar has a new address, and the old one stopped working.");
        String renewed = find("#feed-address").getAttribute("value");
        assertThat(renewed).isNotEqualTo(address).matches(Pattern.quote(app.base) + "/calendar/[A-Za-z0-9_-]{22}\\.ics");
        assertThat(get(http, address).statusCode()).as("the old address").isEqualTo(404);
        HttpResponse<String> calendar = get(http, renewed);
        assertThat(calendar.statusCode()).isEqualTo(200);
        assertThat(calendar.body()).startsWith("BEGIN:VCALENDAR").contains("Tuesday circle");
        app.assertAccessible("feed renewed");
        browser.screenshots("feed-renewed");
    }

    private static HttpResponse<String> get(HttpClient http, String address) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(address)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
