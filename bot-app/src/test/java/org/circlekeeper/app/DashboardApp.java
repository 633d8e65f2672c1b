package org.circlekeeper.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole app with its web page on, for the browser tests: console adapter, embedded Redis, a web port, and one real
 * headless Chromium. Started once per test JVM, on first use, and shared by every browser test class (each starts
 * nothing of its own, so the build pays for one app and one browser); stopped when the JVM ends. Its console already
 * holds a group in Europe/Berlin with the circle "Tuesday circle" (every Tuesday at 19:00), to which alice said
 * she is coming. Each test class should sign in as organisers of its own names: a member may ask for at most five
 * links in ten minutes.
 */
final class DashboardApp {

    static final Pattern LINK = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+/dashboard/signin/[A-Za-z0-9_-]{43})");
    static final long WAIT_MILLIS = 30_000;
    /** A loaded two-core machine was seen to take over 40 s to start the whole app. */
    private static final long START_MILLIS = 180_000;

    private static DashboardApp started;

    final String base;
    final HeadlessChromium browser;
    private final ByteArrayOutputStream consoleOut = new ByteArrayOutputStream();
    private final PipedOutputStream consoleIn;
    private final Thread app;
    private final AtomicReference<ConfigurableApplicationContext> context = new AtomicReference<>();
    private final AtomicReference<Throwable> failed = new AtomicReference<>();

    /** The app and the browser, started on the first call. */
    static synchronized DashboardApp get() throws Exception {
        if (started == null) {
            started = new DashboardApp();
            started.seed();
            DashboardApp stopping = started;
            Runtime.getRuntime().addShutdownHook(new Thread(stopping::stop, "dashboard-app-stop"));
        }
        return started;
    }

    private DashboardApp() throws Exception {
        Path data = Files.createTempDirectory("dashboard-app");
        browser = new HeadlessChromium("en-US,en");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        base = "http://127.0.0.1:" + port;
        consoleIn = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(consoleIn, 1 << 16);
        ConsoleConfiguration.ConsoleStreams streams = new ConsoleConfiguration.ConsoleStreams(in,
                new PrintStream(consoleOut, true, StandardCharsets.UTF_8));
        app = new Thread(() -> {
            try {
                new SpringApplicationBuilder(CirclekeeperApplication.class)
                        .initializers(ctx -> {
                            ctx.getBeanFactory().registerSingleton("consoleStreams", streams);
                            context.set(ctx);
                        })
                        .run("--circlekeeper.redis.embedded.port=0", "--circlekeeper.redis.embedded.data-dir=" + data.resolve("redis"),
                                "--circlekeeper.web.port=" + port, "--circlekeeper.web.public-url=" + base);
            } catch (Throwable failure) {
                failed.set(failure);
            }
        }, "app");
        app.start();
    }

    private void seed() throws Exception {
        say(":as olivia organiser", "you are olivia", START_MILLIS);
        say("/community timezone Europe/Berlin", "Europe/Berlin");
        say("/circle create \"Tuesday circle\" every tuesday 19:00", "New circle: Tuesday circle");
        say(":as alice", "you are alice");
        say("/next", "Will you come?");
        say(":click 1", "coming");
        say(":as olivia organiser", "you are olivia");
    }

    private void stop() {
        try {
            browser.close();
            consoleIn.write(":quit\n".getBytes(StandardCharsets.UTF_8));
            consoleIn.close();
            app.join(WAIT_MILLIS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The running app's Spring context. */
    ConfigurableApplicationContext context() {
        return context.get();
    }

    /** Types a line into the console and waits until the console has printed {@code expected} after it. */
    String say(String line, String expected) throws Exception {
        return say(line, expected, WAIT_MILLIS);
    }

    synchronized String say(String line, String expected, long waitMillis) throws Exception {
        int from = consoleOut.size();
        consoleIn.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        consoleIn.flush();
        long until = System.currentTimeMillis() + waitMillis;
        while (System.currentTimeMillis() < until) {
            byte[] all = consoleOut.toByteArray();
            String said = new String(all, from, all.length - from, StandardCharsets.UTF_8);
            if (said.contains(expected)) {
                return said;
            }
            Thread.sleep(50);
        }
        AssertionError late = new AssertionError("the console did not answer '" + line + "' with '" + expected + "'; it printed:\n"
                + consoleOut.toString(StandardCharsets.UTF_8), failed.get());
        Throwable where = new Throwable("the app's thread, " + app.getState());
        where.setStackTrace(app.getStackTrace());
        late.addSuppressed(where);
        throw late;
    }

    /** A new sign-in link, asked for by the organiser in the console's group (each test its own, so none meets the limit). */
    String newLink(String organiser) throws Exception {
        say(":as " + organiser + " organiser", "you are " + organiser);
        Matcher link = LINK.matcher(say("/dashboard", "/dashboard/signin/"));
        assertThat(link.find()).isTrue();
        return link.group(1);
    }

    /** The month of the seeded circle's first meeting, by the app's own clock (a virtual one, started at the real time). */
    YearMonth firstMeetingMonth() {
        ZonedDateTime now = ZonedDateTime.now(context().getBean(Clock.class)).withZoneSameInstant(ZoneId.of("Europe/Berlin"));
        ZonedDateTime next = now.with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY)).withHour(19).withMinute(0);
        return YearMonth.from(next.isAfter(now) ? next : next.plusWeeks(1));
    }

    String heading() {
        return browser.driver.findElement(By.tagName("h1")).getText();
    }

    void assertAccessible(String page) {
        assertThat(browser.accessibilityViolations()).as("axe-core on the %s page", page).isEmpty();
    }

    /** Opens a sign-in link and presses its button: a fresh browser session signed in (other cookies are dropped first). */
    void signIn(String link) {
        browser.driver.manage().deleteAllCookies();
        browser.driver.get(link);
        submit(By.cssSelector("main form button"));
    }

    /** Presses a form's button and waits until the browser has left the page (a form's answer is a new page). */
    void submit(By button) {
        WebElement pressed = browser.driver.findElement(button);
        pressed.click();
        waitGone(pressed);
    }

    /**
     * Waits until an element of the page before a navigation is gone. ChromeDriver answers a question about such an
     * element with a stale-element error, or, while the old document is being replaced, with the inspector's "does
     * not belong to the document": both mean the page was left.
     */
    void waitGone(WebElement element) {
        new WebDriverWait(browser.driver, Duration.ofMillis(WAIT_MILLIS)).until(driver -> {
            try {
                element.isEnabled();
                return false;
            } catch (StaleElementReferenceException gone) {
                return true;
            } catch (WebDriverException replaced) {
                if (String.valueOf(replaced.getMessage()).contains("does not belong to the document")) {
                    return true;
                }
                throw replaced;
            }
        });
    }
}
