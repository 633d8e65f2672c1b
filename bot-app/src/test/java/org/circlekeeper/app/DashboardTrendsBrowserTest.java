package org.circlekeeper.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The organisers' trends page in a real headless Chromium against the whole app, with data made through the console as
 * a group would make it: five members check in during one week and two the next, the clock moves on until both weeks
 * are closed, and two share circles run (one that five people joined, one that two did). The page shows the closed
 * week's pulse as {@code /pulse} gives it, the other week and the small circle as "too few to show", passes axe-core,
 * and is photographed at desktop and phone widths. The shared app's clock is put back where it was afterwards, so the
 * other browser tests find their meetings where they expect them.
 */
class DashboardTrendsBrowserTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").withZone(ZoneOffset.UTC);

    private static DashboardApp app;
    private static HeadlessChromium browser;
    private static Instant before;
    private static LocalDate fullWeek;

    @BeforeAll
    static void aGroupWithTwoWeeksOfCheckInsAndTwoShareCircles() throws Exception {
        app = DashboardApp.get();
        browser = app.browser;
        Clock clock = app.context().getBean(Clock.class);
        before = clock.instant();
        // a week of its own: next Monday at 09:00 in the group's zone, so no other test's check-in falls in it
        fullWeek = LocalDate.ofInstant(before, BERLIN).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        setClock(fullWeek.atTime(9, 0).atZone(BERLIN).toInstant());
        List<String> members = List.of("trann", "trben", "trcat", "trdan", "treve");
        List<String> moods = List.of("Great", "Good", "Good", "Okay", "Low");
        for (int i = 0; i < members.size(); i++) {
            checkIn(members.get(i), moods.get(i));
        }
        setClock(fullWeek.plusWeeks(1).atTime(9, 0).atZone(BERLIN).toInstant());
        checkIn("trann", "Great");
        checkIn("trben", "Good");
        // Tuesday after: the second week is over in every zone (a pulse week closes once it ended at UTC-18)
        setClock(fullWeek.plusWeeks(2).plusDays(1).atTime(12, 0).atZone(BERLIN).toInstant());

        // a share circle five joined (the chair and four): in its check-in round the chair shares and trann passes
        app.say(":as trolga organiser", "you are trolga");
        app.say("/share start basic", "Our circle is starting");
        for (String member : members.subList(0, 4)) {
            app.say(":as " + member, "you are " + member);
            app.say("/share join", "You're in the circle");
        }
        app.say(":as trolga organiser", "you are trolga");
        quietly("/share next");
        quietly("/share done");
        app.say(":as trann", "you are trann");
        quietly("/share pass");
        app.say(":clock +20m", "the time is now");
        app.say(":as trolga organiser", "you are trolga");
        app.say("/share end", "Thank you all for being here");
        // and one only two joined
        app.say(":clock +1h", "the time is now");
        app.say("/share start basic", "Our circle is starting");
        app.say(":as trben", "you are trben");
        app.say("/share join", "You're in the circle");
        app.say(":as trolga organiser", "you are trolga");
        app.say(":clock +10m", "the time is now");
        app.say("/share end", "Thank you all for being here");
    }

    @AfterAll
    static void theClockGoesBack() throws Exception {
        app.say(":as olivia organiser", "you are olivia");
        setClock(before.truncatedTo(ChronoUnit.MINUTES));
    }

    @AfterEach
    void signedOut() {
        browser.driver.manage().deleteAllCookies();
    }

    private static void setClock(Instant at) throws Exception {
        app.say(":clock " + MINUTE.format(at), "the time is now");
    }

    /** Types a line that may have no visible answer, and waits until the console has handled it. */
    private static void quietly(String line) throws Exception {
        app.say(line, "");
        app.say(":clock", ":clock moves it");
    }

    /** The member checks in with the mood, pressing its button as a person would. */
    private static void checkIn(String member, String mood) throws Exception {
        app.say(":as " + member, "you are " + member);
        String asked = app.say("/checkin", "How are you today?");
        Matcher button = Pattern.compile("\\[(\\d+)] \\S+ " + mood + "\\b").matcher(asked);
        assertThat(button.find()).as("a %s button in: %s", mood, asked).isTrue();
        app.say(":click " + button.group(1), "I saved");
    }

    private static String week(LocalDate monday) {
        DateTimeFormatter day = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(Locale.US);
        return day.format(monday) + " – " + day.format(monday.plusDays(6));
    }

    private static List<WebElement> cells(WebElement row) {
        return row.findElements(By.cssSelector("th, td"));
    }

    private static WebElement weekRow(String label) {
        return browser.driver.findElements(By.cssSelector("table#pulse tbody tr")).stream()
                .filter(r -> r.findElement(By.tagName("th")).getText().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no row for the week " + label));
    }

    @Test
    void anOrganiserSeesThePulseOfClosedWeeksAndTheShareCirclesInCountsUnderTheFloor() throws Exception {
        app.signIn(app.newLink("trolga"));
        browser.driver.get(app.base + "/dashboard/trends");
        assertThat(app.heading()).isEqualTo("Trends");
        assertThat(browser.driver.findElement(By.cssSelector("nav a[aria-current=page]")).getText()).isEqualTo("Trends");

        // the pulse: the full week as /pulse gives it, the next one under the floor
        List<WebElement> full = cells(weekRow(week(fullWeek)));
        assertThat(full.get(1).getText()).isEqualTo("5");
        assertThat(full.get(2).getText()).isEqualTo("3.6");
        assertThat(full.get(3).getText()).contains("Great: 1", "Good: 2", "Okay: 1", "Low: 1", "Really hard: 0");
        List<WebElement> few = cells(weekRow(week(fullWeek.plusWeeks(1))));
        assertThat(few).hasSize(2);
        assertThat(few.get(1).getText()).isEqualTo("Too few to show");
        assertThat(browser.driver.findElement(By.cssSelector("table#pulse")).getText()).as("no figure of the small week")
                .doesNotContain("Great: 2");

        WebElement chart = browser.driver.findElement(By.cssSelector("svg#pulse-chart, svg[aria-labelledby^=pulse-chart]"));
        assertThat(chart.getAttribute("role")).isEqualTo("img");
        String description = browser.driver.findElement(By.id("pulse-chart-desc")).getAttribute("textContent");
        assertThat(description).contains(week(fullWeek) + ": 3.6", week(fullWeek.plusWeeks(1)) + ": Too few to show");
        assertThat(browser.driver.findElement(By.id("pulse-chart-title")).getAttribute("textContent"))
                .isEqualTo("Average mood of the group in each of the last 8 closed weeks, from 1 to 5");

        // the share circles, newest last: five joined, then too few
        List<WebElement> rows = browser.driver.findElements(By.cssSelector("table#history tbody tr"));
        assertThat(rows.size()).isGreaterThanOrEqualTo(2);
        List<String> five = cells(rows.get(rows.size() - 2)).stream().map(WebElement::getText).toList();
        assertThat(five.subList(1, 7)).containsExactly("Basic peer-support circle", "20", "5", "2", "1", "0");
        List<String> two = cells(rows.get(rows.size() - 1)).stream().map(WebElement::getText).toList();
        assertThat(two).hasSize(4);
        assertThat(two.get(3)).isEqualTo("Too few to show");
        assertThat(browser.driver.findElement(By.id("joined-chart-desc")).getAttribute("textContent"))
                .endsWith(": 5; " + two.get(0) + ": Too few to show");
        assertThat(browser.driver.findElement(By.cssSelector("p.totals")).getText()).contains("with 5 or more people");
        assertThat(browser.driver.getPageSource()).as("counts only: no member's name").doesNotContain("trann", "trben", "treve");

        app.assertAccessible("trends");
        browser.screenshot("trends-desktop", HeadlessChromium.DESKTOP);
        browser.screenshot("trends-phone", HeadlessChromium.PHONE);

        // one circle's share circles: the seeded Tuesday circle meets at 19:00, and these ran at noon, so none are its
        new Select(browser.driver.findElement(By.id("circle"))).selectByVisibleText("Tuesday circle");
        app.submit(By.cssSelector("form.circle-choice button"));
        assertThat(browser.driver.getCurrentUrl()).isEqualTo(app.base + "/dashboard/trends?circle=tuesday-circle");
        assertThat(browser.driver.findElement(By.cssSelector("#joined-heading + form + p")).getText())
                .isEqualTo("No share circle has run at this circle's meetings yet.");
        assertThat(browser.driver.findElements(By.cssSelector("table#history"))).isEmpty();
        assertThat(new Select(browser.driver.findElement(By.id("circle"))).getFirstSelectedOption().getText()).isEqualTo("Tuesday circle");
        app.assertAccessible("trends of one circle");
        browser.driver.get(app.base + "/dashboard/trends?circle=no-such-circle");
        assertThat(browser.driver.findElement(By.cssSelector("main p.message")).getText()).as("an unknown circle")
                .isEqualTo("There is nothing here. It may have been cancelled or moved.");
    }

    @Test
    void theSpanishPageSaysTooFewInSpanish() throws Exception {
        app.say(":as trsofia organiser", "you are trsofia");
        app.say("/language es", "español");
        app.signIn(app.newLink("trsofia"));
        browser.driver.get(app.base + "/dashboard/trends");
        assertThat(app.heading()).isEqualTo("Tendencias");
        assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("es");
        assertThat(browser.driver.findElement(By.cssSelector("table#pulse")).getText()).contains("Muy pocas para mostrar", "3,6");
        app.assertAccessible("trends in Spanish");
    }

    @Test
    void withoutSigningInNoFigureIsShown() throws Exception {
        browser.driver.get(app.base + "/dashboard/trends");
        assertThat(browser.driver.findElement(By.cssSelector("main p.message")).getText()).startsWith("You are not signed in");
        assertThat(browser.driver.getPageSource()).doesNotContain("3.6");
    }
}
