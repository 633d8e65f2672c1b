package org.circlekeeper.core;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.assertj.core.api.Assertions;
import org.circlekeeper.core.ref.FeaturePort;
import org.circlekeeper.core.schedule.JobHandler;
import org.junit.jupiter.api.Test;

/**
 * The core stays platform-neutral: no Spring, JDA, TelegramBots or Jedis, and no System.out; lib-recur's rule parts
 * are named in one place, which starts the library in the order it needs. Its packages stand in floors: the ground
 * floor ({@code ref}) imports nothing of circlekeeper, the foundation ({@code platform}, {@code template},
 * {@code schedule}, {@code message}, {@code engine}) imports only what is below it and never a feature, no two
 * packages import each other, and a feature reaches another only through types marked {@link FeaturePort}.
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

    private static final String[] FEATURES = {
            "org.circlekeeper.core.member..", "org.circlekeeper.core.community..", "org.circlekeeper.core.checkin..",
            "org.circlekeeper.core.circle..", "org.circlekeeper.core.resource..", "org.circlekeeper.core.share..",
            "org.circlekeeper.core.dashboard.."};

    @Test
    void noTwoPackagesOfTheCoreImportEachOther() {
        slices().matching("org.circlekeeper.core.(*)..").should().beFreeOfCycles().check(CORE);
    }

    @Test
    void theGroundFloorImportsNothingElseOfTheCore() {
        noClasses().that().resideInAPackage("org.circlekeeper.core.ref..")
                .should().dependOnClassesThat(resideInAPackage("org.circlekeeper..")
                        .and(resideOutsideOfPackage("org.circlekeeper.core.ref..")))
                .check(CORE);
    }

    @Test
    void thePlatformPortsStandOnTheGroundFloorAlone() {
        noClasses().that().resideInAPackage("org.circlekeeper.core.platform..")
                .should().dependOnClassesThat(resideInAPackage("org.circlekeeper..")
                        .and(resideOutsideOfPackage("org.circlekeeper.core.ref.."))
                        .and(resideOutsideOfPackage("org.circlekeeper.core.platform..")))
                .check(CORE);
    }

    @Test
    void eachFoundationFloorImportsOnlyTheFloorsBelowIt() {
        noClasses().that().resideInAnyPackage("org.circlekeeper.core.template..", "org.circlekeeper.core.schedule..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.circlekeeper.core.message..", "org.circlekeeper.core.engine..")
                .check(CORE);
        noClasses().that().resideInAPackage("org.circlekeeper.core.template..")
                .should().dependOnClassesThat().resideInAPackage("org.circlekeeper.core.schedule..")
                .check(CORE);
        noClasses().that().resideInAPackage("org.circlekeeper.core.schedule..")
                .should().dependOnClassesThat().resideInAnyPackage("org.circlekeeper.core.template..",
                        "org.circlekeeper.core.platform..")
                .check(CORE);
        noClasses().that().resideInAnyPackage("org.circlekeeper.core.template..", "org.circlekeeper.core.message..")
                .should().dependOnClassesThat().resideInAPackage("org.circlekeeper.core.platform..")
                .check(CORE);
        noClasses().that().resideInAPackage("org.circlekeeper.core.message..")
                .should().dependOnClassesThat().resideInAPackage("org.circlekeeper.core.engine..")
                .check(CORE);
    }

    @Test
    void theFoundationNeverImportsAFeature() {
        noClasses().that().resideInAnyPackage("org.circlekeeper.core.ref..", "org.circlekeeper.core.platform..",
                        "org.circlekeeper.core.template..",
                        "org.circlekeeper.core.schedule..", "org.circlekeeper.core.message..",
                        "org.circlekeeper.core.engine..")
                .should().dependOnClassesThat().resideInAnyPackage(FEATURES)
                .check(CORE);
    }

    private static final String[] CROSSING_FEATURES = {"checkin", "circle", "resource", "share", "dashboard"};

    @Test
    void aFeatureReachesAnotherOnlyThroughTypesMarkedFeaturePort() {
        for (String from : CROSSING_FEATURES) {
            for (String to : CROSSING_FEATURES) {
                if (from.equals(to)) {
                    continue;
                }
                noClasses().that().resideInAPackage("org.circlekeeper.core." + from + "..")
                        .should().dependOnClassesThat(resideInAPackage("org.circlekeeper.core." + to + "..")
                                .and(not(annotatedWith(FeaturePort.class))))
                        .because("a feature may use only what another offers through its @FeaturePort types")
                        .check(CORE);
            }
        }
        Assertions.assertThat(CORE.get("org.circlekeeper.core.circle.ScheduledCircles")
                .isAnnotatedWith(FeaturePort.class)).as("share reaches circles through ScheduledCircles").isTrue();
    }

    @Test
    void thePortsAreWhatTheFeaturesUse() {
        // so the rule above is not empty: the share circle, check-ins and the organisers' page do go through their ports
        classes().that().resideInAPackage("org.circlekeeper.core.share..").and().haveSimpleName("Posts")
                .should().dependOnClassesThat(resideInAPackage("org.circlekeeper.core.circle..")
                        .and(annotatedWith(FeaturePort.class)))
                .check(CORE);
        classes().that().resideInAPackage("org.circlekeeper.core.dashboard..").and().haveSimpleName("Dashboard")
                .should().dependOnClassesThat(resideInAPackage("org.circlekeeper.core.circle..")
                        .and(annotatedWith(FeaturePort.class)))
                .andShould().dependOnClassesThat(resideInAPackage("org.circlekeeper.core.share..")
                        .and(annotatedWith(FeaturePort.class)))
                .check(CORE);
        classes().that().resideInAPackage("org.circlekeeper.core.checkin..").and().haveSimpleName("CheckinCare")
                .should().dependOnClassesThat(resideInAPackage("org.circlekeeper.core.resource..")
                        .and(annotatedWith(FeaturePort.class)))
                .check(CORE);
    }

    @Test
    void theSettingsFloorNeverImportsAFeatureAbove() {
        noClasses().that().resideInAnyPackage("org.circlekeeper.core.member..", "org.circlekeeper.core.community..")
                .should().dependOnClassesThat().resideInAnyPackage("org.circlekeeper.core.checkin..",
                        "org.circlekeeper.core.circle..", "org.circlekeeper.core.resource..", "org.circlekeeper.core.share..")
                .check(CORE);
    }


    @Test
    void aFeatureRunsItsJobsThroughTheOneJobHandlerHelper() {
        classes().that().implement(JobHandler.class).should().haveSimpleName("KindHandler")
                .because("a feature writes JobHandler.of(KIND, this::run), not a handler class of its own (#16)")
                .check(CORE);
        Assertions.assertThat(CORE.get("org.circlekeeper.core.schedule.KindHandler").isAssignableTo(JobHandler.class))
                .as("the helper's own class is what the rule allows").isTrue();
    }

    @Test
    void theImportFoundTheCore() {
        Assertions.assertThat(CORE.containPackage("org.circlekeeper.core.engine")).isTrue();
        Assertions.assertThat(CORE.containPackage("org.circlekeeper.core.platform")).isTrue();
        Assertions.assertThat(CORE.size()).isGreaterThan(20);
    }
}
