package org.circlekeeper.core.circle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import org.dmfs.rfc5545.recur.RecurrenceRule;
import org.junit.jupiter.api.Test;

/**
 * lib-recur's classes start in the one order that works, whichever circle code runs first in a JVM. Class
 * initialisation happens once per class loader, so each case runs in a fresh loader of its own: as in a bot
 * just started, whose first circle text is a one-off meeting's. ({@code ArchitectureTest} keeps every other class
 * from naming {@code RecurrenceRule.Part}.)
 */
class LibRecurTest {

    private static final String RULE = "org.dmfs.rfc5545.recur.RecurrenceRule";

    @Test
    void theLibraryItselfBreaksWhenItsPartEnumStartsFirst() throws Exception {
        try (URLClassLoader fresh = freshLoader()) {
            assertThatThrownBy(() -> Class.forName(RULE + "$Part", true, fresh))
                    .as("if lib-recur ever fixes this, LibRecur's forced start can go").isInstanceOf(ExceptionInInitializerError.class);
            assertThatThrownBy(() -> Class.forName(RULE, true, fresh)).isInstanceOf(NoClassDefFoundError.class);
        }
    }

    @Test
    void circleTextsStartingFirstLeaveRulesWorking() throws Exception {
        for (String first : List.of(CircleTexts.class.getName(), LibRecur.class.getName(), Recurrence.Repeating.class.getName())) {
            try (URLClassLoader fresh = freshLoader()) {
                Class.forName(first, true, fresh);
                Class.forName(LibRecur.class.getName(), true, fresh);

                Method parse = Class.forName(Recurrence.Repeating.class.getName(), true, fresh).getDeclaredMethod("parse", String.class);
                parse.setAccessible(true);
                assertThat(parse.invoke(null, "FREQ=WEEKLY;BYDAY=TU,TH")).as("after %s started first", first)
                        .hasToString("FREQ=WEEKLY;BYDAY=TU,TH");
            }
        }
    }

    /** A loader that loads the core and lib-recur anew (the JDK from the platform), so their classes start again. */
    private static URLClassLoader freshLoader() throws MalformedURLException {
        List<URL> urls = new ArrayList<>();
        urls.add(CircleTexts.class.getProtectionDomain().getCodeSource().getLocation());
        urls.add(RecurrenceRule.class.getProtectionDomain().getCodeSource().getLocation());
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            urls.add(new File(entry).toURI().toURL());
        }
        return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }
}
