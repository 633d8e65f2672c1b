package org.circlekeeper.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The organisers' forms in context, end to end in a real headless Chromium against the whole app (issue #17): an
 * organiser gets a link from the console, creates a circle in the form, sees it in the calendar, in {@code /circles} in
 * chat and announced in the group; moves one meeting from its page and sees it moved in the month and the week; a
 * refused field is shown beside it, an answer above the form with the values kept; a change without the page's token
 * changes nothing. Every form the page lists passes axe-core; screenshots go to {@code target/screenshots}.
 */
class DashboardFormsBrowserTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final DateTimeFormatter KEY = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm");

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
        browser.driver.manage().window().setSize(HeadlessChromium.DESKTOP);
    }

    /** The next {@code day} at {@code at} in Berlin after the app's own clock says now. */
    private static LocalDate next(DayOfWeek day, LocalTime at) {
        ZonedDateTime now = ZonedDateTime.now(app.context().getBean(Clock.class)).withZoneSameInstant(BERLIN);
        ZonedDateTime next = now.with(TemporalAdjusters.nextOrSame(day)).with(at);
        return (next.isAfter(now) ? next : next.plusWeeks(1)).toLocalDate();
    }

    private static WebElement find(String css) {
        return browser.driver.findElement(By.cssSelector(css));
    }

    private static void go(String path) {
        browser.driver.get(app.base + path);
    }

    private static void type(String field, String text) {
        WebElement input = find("#f-" + field);
        input.clear();
        input.sendKeys(text);
    }

    private static void both(String name) {
        browser.screenshot(name + "-desktop", HeadlessChromium.DESKTOP);
        browser.screenshot(name + "-phone", HeadlessChromium.PHONE);
    }

    @Test
    void anOrganiserCreatesACircleInTheFormSeesItInTheCalendarAndInChatAndMovesOneMeeting() throws Exception {
        app.signIn(app.newLink("fiona"));
        assertThat(app.heading()).startsWith("Circles in ");

        // Make a change → /circle create
        app.submit(By.linkText("Make a change"));
        assertThat(app.heading()).isEqualTo("Make a change");
        app.assertAccessible("changes index");
        both("changes");
        app.submit(By.cssSelector("a[href='/dashboard/do/circle/create']"));
        assertThat(find("p.usage code").getText()).isEqualTo("/circle create <name> <when>");
        assertThat(find("label[for=f-name]").getText()).startsWith("Name");
        assertThat(find("#f-name").getAttribute("required")).isNotNull();
        assertThat(find("#f-name").getAttribute("aria-describedby")).isEqualTo("h-name");
        assertThat(find("#h-when").getText()).contains("every tuesday 19:00");
        app.assertAccessible("create form");
        both("form-create");

        // an empty name: the engine refuses that option, shown beside its field; what was typed stays
        type("when", "every thursday 18:30");
        app.submit(By.cssSelector("form.command-form button[type=submit]"));
        assertThat(find("p.error-summary").getText()).isEqualTo("Please look at the field marked below.");
        assertThat(find("#e-name").getText()).isNotBlank();
        assertThat(find("#f-name").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(find("#f-name").getAttribute("aria-describedby")).isEqualTo("h-name e-name");
        assertThat(find("#f-when").getAttribute("value")).isEqualTo("every thursday 18:30");
        assertThat(browser.driver.findElements(By.cssSelector("section.answer"))).as("the refusal is not repeated above").isEmpty();
        app.assertAccessible("form with an error");
        both("form-error");

        // a schedule the engine cannot read: its answer above the form, both values kept
        type("name", "Harbour circle");
        type("when", "whenever the tide turns");
        app.submit(By.cssSelector("form.command-form button[type=submit]"));
        assertThat(find("section.answer").getText()).contains("whenever the tide turns");
        assertThat(find("#f-name").getAttribute("value")).isEqualTo("Harbour circle");
        assertThat(find("#f-when").getAttribute("value")).isEqualTo("whenever the tide turns");
        app.assertAccessible("form with the engine's answer");

        // a change without the page's token is refused and changes nothing
        type("when", "every monday 10:00");
        type("name", "Forged circle");
        browser.driver.executeScript("document.querySelector('form.command-form input[name=_csrf]').remove();");
        app.submit(By.cssSelector("form.command-form button[type=submit]"));
        assertThat(find("main p.message").getText())
                .startsWith("That change was refused because the page could not confirm it came from you.");

        // the circle, made in the form: the answer, the group's announcement, the calendar and /circles in chat
        go("/dashboard/do/circle/create");
        type("name", "Harbour circle");
        type("when", "every thursday 18:30");
        app.submit(By.cssSelector("form.command-form button[type=submit]"));
        assertThat(find("section.answer").getText()).contains("New circle: Harbour circle")
                .contains("Also posted in your group's channel, as in chat.");
        app.assertAccessible("an answer");
        both("form-answer");
        // the scripted console prints what the app posted by itself before the next line typed: the announcement, then /circles
        String chat = app.say("/circles", "Harbour circle");
        assertThat(chat.indexOf("New circle: Harbour circle")).as("announced in the group, in:%n%s", chat)
                .isNotNegative().isLessThan(chat.indexOf("/circles"));
        assertThat(chat).doesNotContain("Forged circle");

        LocalDate first = next(DayOfWeek.THURSDAY, LocalTime.of(18, 30));
        String key = KEY.format(first.atTime(18, 30));
        go("/dashboard/calendar?month=" + YearMonth.from(first));
        assertThat(find("main").getText()).doesNotContain("Forged circle");
        app.submit(By.cssSelector("main ul.list a[href='/dashboard/meetings/harbour-circle/" + key + "']"));
        assertThat(app.heading()).isEqualTo("Harbour circle");

        // the meeting's page: its organiser actions as prefilled forms
        assertThat(browser.driver.findElements(By.cssSelector("ul.changes a"))).extracting(WebElement::getText)
                .containsExactly("Move this meeting", "Skip this meeting", "Edit the circle", "Reminders for every circle",
                        "Cancel the circle");
        app.assertAccessible("meeting with its changes");
        both("meeting-changes");
        app.submit(By.linkText("Move this meeting"));
        assertThat(browser.driver.getCurrentUrl()).isEqualTo(app.base + "/dashboard/do/circle/reschedule?id=harbour-circle&date=" + first);
        assertThat(find("#f-id").getAttribute("value")).isEqualTo("harbour-circle");
        assertThat(find("#f-date").getAttribute("value")).isEqualTo(first.toString());
        app.assertAccessible("move form");
        both("form-move");
        LocalDate friday = first.plusDays(1);
        type("to", friday + " 19:00");
        app.submit(By.cssSelector("form.command-form button[type=submit]"));
        assertThat(find("section.answer").getText()).contains("Harbour circle meeting of").contains("moves to");
        assertThat(app.say("/circles", "Tuesday circle")).contains("Harbour circle meeting of");

        // the month and the week show it moved, to Friday at 7:00 PM
        go("/dashboard/calendar?month=" + YearMonth.from(friday));
        assertThat(find("main ul.list a[href='/dashboard/meetings/harbour-circle/" + key + "']").getText())
                .startsWith("Friday, ").contains(String.valueOf(friday.getDayOfMonth())).endsWith("7:00 PM Harbour circle");
        app.submit(By.linkText("Week view"));
        assertThat(browser.driver.getCurrentUrl()).contains("/dashboard/week?week=");
        go("/dashboard/week?week=" + isoWeek(friday));
        assertThat(app.heading()).startsWith("Circles from ");
        List<WebElement> days = browser.driver.findElements(By.cssSelector("ol.week > li"));
        assertThat(days).hasSize(7);
        assertThat(days.get(4).findElement(By.cssSelector("a.meeting.moved")).getText()).isEqualTo("7:00 PM Harbour circle");
        assertThat(days.get(3).getText()).doesNotContain("Harbour circle");
        app.assertAccessible("week");
        both("week");
        // seven columns side by side on a desktop, one day under the other on a phone
        assertThat(days.get(1).getLocation().getY()).isEqualTo(days.get(0).getLocation().getY());
        browser.driver.manage().window().setSize(HeadlessChromium.PHONE);
        assertThat(days.get(1).getLocation().getY()).isGreaterThan(days.get(0).getLocation().getY());
        assertThat(days.get(1).getLocation().getX()).isEqualTo(days.get(0).getLocation().getX());
        app.assertAccessible("week on a phone");
        browser.driver.manage().window().setSize(HeadlessChromium.DESKTOP);
        app.submit(By.cssSelector("a[rel=next]"));
        assertThat(browser.driver.getCurrentUrl()).endsWith("/dashboard/week?week=" + isoWeek(friday.plusWeeks(1)));
        app.submit(By.partialLinkText("Month view"));
        assertThat(app.heading()).startsWith("Circles in ");
    }

    private static String isoWeek(LocalDate day) {
        return String.format("%04d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR),
                day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    @Test
    void everyFormTheIndexListsIsLabelledAndPassesTheAccessibilityCheck() throws Exception {
        app.signIn(app.newLink("felix"));
        go("/dashboard/do");
        List<String> forms = new ArrayList<>();
        for (WebElement link : browser.driver.findElements(By.cssSelector("main section.actions a"))) {
            forms.add(link.getAttribute("href"));
        }
        assertThat(forms).as("circles, community, safety, resources and wording are all there")
                .contains(app.base + "/dashboard/do/circle/create", app.base + "/dashboard/do/circle/reminders")
                .anyMatch(f -> f.contains("/dashboard/do/community"))
                .anyMatch(f -> f.contains("/dashboard/do/safety"))
                .anyMatch(f -> f.contains("/dashboard/do/wording"))
                .hasSizeGreaterThan(15);
        Map<String, List<String>> violations = new LinkedHashMap<>();
        for (String form : forms) {
            browser.driver.get(form);
            assertThat(browser.driver.findElements(By.cssSelector("form.command-form"))).as(form).hasSize(1);
            for (WebElement field : browser.driver.findElements(By.cssSelector("form.command-form .field"))) {
                assertThat(field.findElements(By.tagName("label"))).as("a label in %s", form).hasSize(1);
                assertThat(field.findElement(By.cssSelector("p.hint")).getText()).as("a hint in %s", form).isNotBlank();
            }
            List<String> found = browser.accessibilityViolations();
            if (!found.isEmpty()) {
                violations.put(form, found);
            }
        }
        assertThat(violations).as("axe-core on every form").isEmpty();

        // what an organiser expects of /circle edit: a list of the circle ids, the field as a choice, a text area for the value
        go("/dashboard/do/circle/edit");
        assertThat(browser.driver.findElements(By.cssSelector("#l-id option"))).extracting(o -> o.getAttribute("value"))
                .contains("tuesday-circle");
        assertThat(find("#f-id").getAttribute("list")).isEqualTo("l-id");
        assertThat(browser.driver.findElements(By.cssSelector("select#f-field option"))).extracting(WebElement::getText)
                .containsExactly("Name", "Description", "Place", "Duration", "When");
        assertThat(find("#f-value").getTagName()).isEqualTo("textarea");
        both("form-edit");
    }

    @Test
    void theMeetingPagesChangesSkipAndCancelThroughTheEngine() throws Exception {
        app.say(":as fatima organiser", "you are fatima");
        app.say("/circle create \"Garden circle\" every saturday 10:00", "New circle: Garden circle");
        app.signIn(app.newLink("fatima"));
        LocalDate first = next(DayOfWeek.SATURDAY, LocalTime.of(10, 0));
        String meeting = "/dashboard/meetings/garden-circle/" + KEY.format(first.atTime(10, 0));
        go(meeting);
        assertThat(app.heading()).isEqualTo("Garden circle");

        app.submit(By.linkText("Skip this meeting"));
        assertThat(find("#f-id").getAttribute("value")).isEqualTo("garden-circle");
        assertThat(find("#f-date").getAttribute("value")).isEqualTo(first.toString());
        app.submit(By.cssSelector("form.command-form button[type=submit]"));
        assertThat(find("section.answer").getText()).contains("Garden circle");
        go(meeting);
        assertThat(find("main p.message").getText()).as("a skipped meeting has no page").startsWith("There is nothing here.");
        browser.screenshots("not-found");

        go("/dashboard/meetings/garden-circle/" + KEY.format(first.plusWeeks(1).atTime(10, 0)));
        app.submit(By.linkText("Edit the circle"));
        assertThat(browser.driver.getCurrentUrl()).endsWith("/dashboard/do/circle/edit?id=garden-circle");
        new Select(find("#f-field")).selectByVisibleText("Place");
        type("value", "the library's back room");
        app.submit(By.cssSelector("form.command-form button[type=submit]"));
        assertThat(find("section.answer").getText()).contains("Garden circle");

        go("/dashboard/meetings/garden-circle/" + KEY.format(first.plusWeeks(1).atTime(10, 0)));
        assertThat(find("dl.details").getText()).contains("the library's back room");
        app.submit(By.linkText("Cancel the circle"));
        assertThat(browser.driver.getCurrentUrl()).endsWith("/dashboard/do/circle/cancel?id=garden-circle");
        app.submit(By.cssSelector("form.command-form button[type=submit]"));
        assertThat(find("section.answer").getText()).contains("Garden circle is cancelled.");
        assertThat(app.say("/circles", "Tuesday circle")).contains("Garden circle is cancelled.");
        go("/dashboard/calendar?month=" + YearMonth.from(first.plusWeeks(1)));
        assertThat(find("main").getText()).doesNotContain("Garden circle");
    }

    @Test
    void aSpanishSpeakingOrganiserReadsTheFormsAndTheWeekInSpanish() throws Exception {
        app.say(":as santiago organiser", "you are santiago");
        app.say("/language es", "español");
        app.signIn(app.newLink("santiago"));
        go("/dashboard/do/circle/edit");
        assertThat(find("label[for=f-field]").getText()).startsWith("Campo");
        assertThat(find("#h-field").getText()).startsWith("Qué cambiar");
        assertThat(browser.driver.findElements(By.cssSelector("select#f-field option"))).extracting(WebElement::getText)
                .containsExactly("Nombre", "Descripción", "Lugar", "Duración", "Horario");
        assertThat(find("form.command-form button[type=submit]").getText()).isEqualTo("Enviar");
        assertThat(find("#f-value").getTagName()).isEqualTo("textarea");
        app.assertAccessible("a form in Spanish");

        go("/dashboard/week");
        assertThat(app.heading()).startsWith("Círculos del ");
        assertThat(browser.driver.findElements(By.cssSelector("ol.week > li h2 .dayname"))).extracting(WebElement::getText)
                .containsExactly("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo");
        assertThat(find("a[rel=prev]").getText()).isEqualTo("Semana anterior");
        app.assertAccessible("the week in Spanish");
        browser.screenshots("week-es");
    }
}
