package org.circlekeeper.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The core stays platform-neutral: no Spring, JDA, TelegramBots or Jedis, and no System.out; lib-recur's rule parts
 * are named in one place, which starts the library in the order it needs.
 */
class ArchitectureTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.circlekeeper.core");

    @Test
    void coreImportsNoPlatformSpringOrRedisTypes() {
        ArchRule rule = noClasses().that().resideInAPackage("org.circlekeeper.core..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "net.dv8tion..", "org.telegram..", "redis.clients..", "okhttp3..");
        rule.check(CORE);
    }

    @Test
    void coreWritesNothingToStandardOut() {
        noClasses().that().resideInAPackage("org.circlekeeper.core..")
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .check(CORE);
    }

    @Test
    void onlyLibRecurNamesTheRecurrenceRulesParts() {
        noClasses().that().doNotHaveFullyQualifiedName("org.circlekeeper.core.circle.LibRecur")
                .should().accessClassesThat().haveFullyQualifiedName("org.dmfs.rfc5545.recur.RecurrenceRule$Part")
                .because("naming RecurrenceRule.Part before RecurrenceRule has started breaks lib-recur for the whole JVM")
                .check(CORE);
    }

    @Test
    void theImportFoundTheCore() {
        org.assertj.core.api.Assertions.assertThat(CORE.containPackage("org.circlekeeper.core.engine")).isTrue();
        org.assertj.core.api.Assertions.assertThat(CORE.size()).isGreaterThan(20);
    }
}
