package org.circlekeeper.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/**
 * The adapters stand on the core's foundation, not on its features: what they keep beside the stores goes through
 * the core's platform ports and where a private chat belongs is the engine's answer, so none reads a feature's store.
 * And the bot keeps one time: the core configuration chooses the clock ({@link TimeChoice}), everything else is
 * handed it, so no adapter and no part of the app reads the system clock itself.
 */
class AdapterBoundariesTest {

    private static final String[] PLATFORM_ADAPTERS = {
            "org.circlekeeper.telegram..", "org.circlekeeper.discord..", "org.circlekeeper.console..", "org.circlekeeper.web.."};

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("org.circlekeeper");

    @Test
    void platformAdaptersReadNoFeaturesStore() {
        noClasses().that().resideInAnyPackage(PLATFORM_ADAPTERS)
                .should().dependOnClassesThat().resideInAnyPackage("org.circlekeeper.core.member..",
                        "org.circlekeeper.core.community..", "org.circlekeeper.core.checkin..", "org.circlekeeper.core.circle..",
                        "org.circlekeeper.core.resource..", "org.circlekeeper.core.share..")
                .because("an adapter asks the engine (Engine.homeOf) and keeps its own state in core.platform's ports")
                .check(MAIN);
    }

    @Test
    void onlyTheCoreConfigurationReadsTheSystemClock() {
        noClasses().that().resideInAnyPackage("org.circlekeeper..")
                .and().doNotHaveFullyQualifiedName(CoreConfiguration.class.getName())
                .should().callMethod(Clock.class, "systemUTC")
                .orShould().callMethod(Clock.class, "systemDefaultZone")
                .orShould().callMethod(Clock.class, "system", ZoneId.class)
                .orShould().callMethod(Instant.class, "now")
                .orShould().callMethod(LocalDate.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(LocalTime.class, "now")
                .orShould().callMethod(ZonedDateTime.class, "now")
                .orShould().callMethod(OffsetDateTime.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .because("the clock is chosen once, in the core configuration, and handed to every adapter")
                .check(MAIN);
    }

    @Test
    void theImportFoundTheAdaptersAndTheApp() {
        for (String type : new String[] {"org.circlekeeper.telegram.TelegramBot", "org.circlekeeper.discord.DiscordAdapter",
                "org.circlekeeper.console.ConsoleSession", "org.circlekeeper.redis.RedisAdapterState", "org.circlekeeper.web.DashboardController",
                "org.circlekeeper.app.CoreConfiguration", "org.circlekeeper.core.engine.Engine"}) {
            assertThat(MAIN.contain(type)).as(type).isTrue();
        }
        assertThat(MAIN.contain("org.circlekeeper.redis.RealRedis")).as("test classes stay out").isFalse();
    }
}
