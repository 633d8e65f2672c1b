package org.circlekeeper.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The wording page in a real headless Chromium against the whole app: an organiser finds a text, edits it with the
 * live preview (the page's script, as Chromium runs it) and with the Preview button a browser without scripts uses,
 * sees a draft that does not fit refused beside the field with nothing saved, saves through the engine and reads the
 * new wording in the console chat, then goes back to the standard wording; a Spanish organiser gets it all in Spanish.
 * axe-core checks every page; screenshots at desktop and phone widths go under {@code target/screenshots}.
 */
class DashboardWordingBrowserTest {

    private static final String KEY = "settings.welcome";

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

    @Test
    void anOrganiserPreviewsSavesAndResetsAWordingAndChatUsesIt() throws Exception {
        app.signIn(app.newLink("wanda"));
        browser.driver.get(app.base + "/dashboard/wording");
        assertThat(app.heading()).isEqualTo("The bot's wording");
        assertThat(browser.driver.findElement(By.cssSelector("nav a[aria-current=page]")).getText()).isEqualTo("Wording");
        WebElement settings = browser.driver.findElements(By.cssSelector("details.wording-topic")).stream()
                .filter(d -> d.getText().startsWith("Settings")).findFirst().orElseThrow();
        settings.findElement(By.tagName("summary")).click();
        assertThat(settings.findElement(By.cssSelector("a[href='/dashboard/wording/" + KEY + "']")).getText()).isEqualTo(KEY);
        app.assertAccessible("wording");
        browser.screenshot("wording-desktop", HeadlessChromium.DESKTOP);
        browser.screenshot("wording-phone", HeadlessChromium.PHONE);

        settings.findElement(By.cssSelector("a[href='/dashboard/wording/" + KEY + "']")).click();
        new WebDriverWait(browser.driver, Duration.ofMillis(DashboardApp.WAIT_MILLIS)).until(d -> app.heading().equals("Wording of " + KEY));
        assertThat(browser.driver.findElement(By.id("w-values")).getText()).isEqualTo("Values it can use: {{name}}");
        assertThat(preview()).contains("Hello «name», and welcome.").contains("Hola, «name», y bienvenida");
        assertThat(browser.driver.findElement(By.cssSelector("#wording-preview")).getAttribute("aria-live")).isEqualTo("polite");

        // with the script: the preview follows the typing, and nothing is saved
        WebElement text = browser.driver.findElement(By.id("w-text"));
        text.clear();
        text.sendKeys("Welcome to our circle, *{{name}}*!");
        waitForPreview("Welcome to our circle, «name»!");
        assertThat(browser.driver.findElement(By.cssSelector("#wording-preview strong")).getText()).isEqualTo("«name»");
        assertThat(preview()).contains("Your draft in English (not saved yet)").contains("Hola, «name», y bienvenida");
        text.sendKeys(" {{email}}");
        waitForPreview("That wording uses {{email}}, which " + KEY + " doesn't have");
        app.assertAccessible("wording editor");
        browser.screenshot("wording-editor-desktop", HeadlessChromium.DESKTOP);
        browser.screenshot("wording-editor-phone", HeadlessChromium.PHONE);

        // without a script: the Preview button's POST shows the preview (or the reason beside the field) and saves nothing
        HttpResponse<String> previewed = post("preview", "Hi {{name}}, from the form.");
        assertThat(previewed.statusCode()).isEqualTo(200);
        assertThat(previewed.body()).contains("Hi «name», from the form.").contains(">Hi {{name}}, from the form.</textarea>");
        HttpResponse<String> refused = post("preview", "Hi {{name}");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"w-error\"").contains("braces that don&#39;t match").contains("aria-invalid=\"true\"");
        HttpResponse<String> longest = post("preview", "\uD83D\uDE00".repeat(1500));
        assertThat(longest.statusCode()).as("the longest wording fits under the page's body cap").isEqualTo(200);
        app.say("/start", "I'm circlekeeper");

        // a draft that does not fit, saved: refused beside the field, nothing saved
        text = browser.driver.findElement(By.id("w-text"));
        text.clear();
        text.sendKeys("Hi {{email}}");
        app.submit(By.cssSelector("form.wording-form button[value=save]"));
        assertThat(browser.driver.findElement(By.id("w-error")).getText()).contains("uses {{email}}").contains("Nothing was changed");
        assertThat(browser.driver.findElement(By.id("w-text")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.driver.findElement(By.id("w-text")).getAttribute("aria-describedby")).contains("w-error");
        app.assertAccessible("wording editor with a refused draft");
        app.say("/start", "I'm circlekeeper");

        // saved through the engine, and the chat uses it
        text = browser.driver.findElement(By.id("w-text"));
        text.clear();
        text.sendKeys("Welcome to our circle, {{name}}. We're glad you came.");
        app.submit(By.cssSelector("form.wording-form button[value=save]"));
        assertThat(browser.driver.findElement(By.cssSelector("section.answer")).getText())
                .contains("Saved: " + KEY + " now uses your wording in English.");
        assertThat(preview()).contains("Welcome to our circle, «name». We're glad you came.");
        app.say("/start", "Welcome to our circle, wanda. We're glad you came.");
        browser.driver.get(app.base + "/dashboard/wording");
        assertThat(browser.driver.findElement(By.cssSelector("details.wording-topic[open]")).getText())
                .contains(KEY).contains("Your group's wording in English");

        // back to the standard wording, through the engine too
        browser.driver.get(app.base + "/dashboard/wording/" + KEY);
        app.submit(By.cssSelector("form.wording-reset button"));
        assertThat(browser.driver.findElement(By.cssSelector("section.answer")).getText()).contains(KEY + " is back to the standard wording.");
        assertThat(browser.driver.findElements(By.cssSelector("form.wording-reset"))).isEmpty();
        app.say("/start", "I'm circlekeeper");
    }

    @Test
    void aSpanishSpeakingOrganiserSeesTheWordingPageInSpanish() throws Exception {
        app.say(":as wendy organiser", "you are wendy");
        app.say("/language es", "español");
        app.signIn(app.newLink("wendy"));
        browser.driver.get(app.base + "/dashboard/wording/" + KEY);
        assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("es");
        assertThat(app.heading()).isEqualTo("Redacción de " + KEY);
        assertThat(browser.driver.findElement(By.cssSelector("label[for=w-text]")).getText()).isEqualTo("La redacción de tu grupo en español");
        assertThat(browser.driver.findElement(By.id("w-text")).getAttribute("value")).startsWith("Hola, {{name}}, y bienvenida");
        assertThat(preview()).contains("Lo que ven ahora quienes leen en español").contains("Lo que ven ahora quienes leen en inglés");
        WebElement text = browser.driver.findElement(By.id("w-text"));
        text.clear();
        text.sendKeys("Hola {{nombre}}");
        waitForPreview("Esa redacción usa {{nombre}}, que " + KEY + " no tiene");
        app.assertAccessible("wording editor in Spanish");
        browser.screenshots("wording-editor-es");
    }

    private static String preview() {
        return browser.driver.findElement(By.id("wording-preview")).getText();
    }

    /** Waits until the live preview, which the page's script updates as the organiser types, shows {@code expected}. */
    private static void waitForPreview(String expected) {
        new WebDriverWait(browser.driver, Duration.ofMillis(DashboardApp.WAIT_MILLIS)).until(d -> preview().contains(expected));
    }

    /** The editor's form sent as a browser without scripts sends it: the session cookie, the page's origin and its token. */
    private static HttpResponse<String> post(String what, String text) throws Exception {
        String token = browser.driver.findElement(By.cssSelector("form.wording-form input[name=_csrf]")).getAttribute("value");
        String form = Map.of("_csrf", token, "do", what, "text", text).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(app.base + "/dashboard/wording/" + KEY))
                .header("Cookie", "ck-page=" + browser.driver.manage().getCookieNamed("ck-page").getValue())
                .header("Origin", app.base).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
