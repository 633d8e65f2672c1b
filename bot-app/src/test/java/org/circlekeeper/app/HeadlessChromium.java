package org.circlekeeper.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) driven through Selenium, with the
 * axe-core accessibility check run inside the page. Nothing is downloaded: the browser and its driver must be
 * installed ({@code .ci/run} installs them), and a test fails, naming what to install, when they are not.
 */
final class HeadlessChromium implements AutoCloseable {

    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    /** axe-core as its webjar ships it; the version is bot-app's {@code axe-core.version}. */
    private static final String AXE = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";
    static final Dimension DESKTOP = new Dimension(1280, 900);
    static final Dimension PHONE = new Dimension(390, 844);

    final ChromeDriver driver;
    private final String axe;

    HeadlessChromium(String language) {
        assertThat(Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER))
                .as("the browser tests need Chromium and its driver at %s and %s: apt-get install chromium chromium-driver "
                        + "(.ci/run installs them)", BROWSER, DRIVER)
                .isTrue();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        // --no-sandbox: CI runs as root, where Chromium's sandbox cannot start
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-extensions", "--lang=" + language);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(30));
        driver.manage().window().setSize(DESKTOP);
        this.axe = resource(AXE);
    }

    /**
     * Runs axe-core in the page (WCAG 2.0 and 2.1, levels A and AA, and axe's best practices) and returns each
     * violation as {@code id (impact): help, at selectors}.
     */
    @SuppressWarnings("unchecked")
    List<String> accessibilityViolations() {
        JavascriptExecutor js = driver;
        js.executeScript(axe);
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})
                  .then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ', at '
                      + v.nodes.map(n => n.target.join(' ')).join('; '))))
                  .catch(e => done(['axe failed: ' + e]));
                """);
        return new ArrayList<>((List<String>) result);
    }

    /** Saves what the browser shows at both widths, as {@code <page>-desktop.png} and {@code <page>-phone.png}. */
    void screenshots(String page) {
        screenshot(page + "-desktop", DESKTOP);
        screenshot(page + "-phone", PHONE);
    }

    /** Saves what the browser shows at the given size under {@code target/screenshots/<name>.png}. */
    Path screenshot(String name, Dimension size) {
        Dimension before = driver.manage().window().getSize();
        driver.manage().window().setSize(size);
        try {
            Path to = Path.of("target", "screenshots", name + ".png");
            Files.createDirectories(to.getParent());
            Files.move(driver.getScreenshotAs(OutputType.FILE).toPath(), to, StandardCopyOption.REPLACE_EXISTING);
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    private static String resource(String name) {
        try (InputStream in = HeadlessChromium.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as("%s on the test classpath (the axe-core webjar)", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
