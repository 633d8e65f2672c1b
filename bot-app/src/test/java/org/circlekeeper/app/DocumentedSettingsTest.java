package org.circlekeeper.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.beans.PropertyDescriptor;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * deploy/README.md documents every setting as an environment variable: each property of every
 * {@code @ConfigurationProperties} class in circlekeeper (the adapters' too, once they are in the build), plus
 * the ones read straight from the environment. Each documented name really binds to its property, and every
 * {@code CIRCLEKEEPER_*} name used in deploy/ is a real setting, so a misspelt variable in a manifest fails.
 */
class DocumentedSettingsTest {

    private static final Pattern ENV_NAME = Pattern.compile("\\bCIRCLEKEEPER_[A-Z0-9_]*[A-Z0-9]\\b");
    /** Properties read from the environment directly, not through a properties class. */
    private static final List<String> ENVIRONMENT_READ = List.of(WebPortEnvironmentPostProcessor.PORT,
            DiscordShardsEnvironmentPostProcessor.TOTAL, DiscordShardsEnvironmentPostProcessor.SHARDS,
            DiscordShardsEnvironmentPostProcessor.REPLICA_NAME,
            DiscordShardsEnvironmentPostProcessor.REPLICA_COUNT, ConsoleWanted.PLATFORM_TOKENS[0], ConsoleWanted.PLATFORM_TOKENS[1]);

    private static final Set<String> PROPERTIES = new TreeSet<>();
    private static final Set<String> PREFIXES = new TreeSet<>();

    @BeforeAll
    static void collectProperties() throws Exception {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        for (BeanDefinition candidate : scanner.findCandidateComponents("org.circlekeeper")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
            String prefix = annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
            PREFIXES.add(prefix);
            walk(prefix, type, PROPERTIES);
        }
        assertThat(PREFIXES).contains("circlekeeper", "circlekeeper.scheduler");
        assertThat(PROPERTIES).contains("circlekeeper.redis.embedded.data-dir", "circlekeeper.scheduler.shutdown-wait");
    }

    /** Adds the leaf properties of a record or JavaBean under {@code prefix}, descending into circlekeeper's own types. */
    private static void walk(String prefix, Class<?> type, Set<String> into) {
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                child(prefix + "." + kebab(component.getName()), component.getType(), into);
            }
            return;
        }
        for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(type)) {
            if (property.getWriteMethod() != null || ownType(property.getPropertyType())) {
                if (!property.getName().equals("class")) {
                    child(prefix + "." + kebab(property.getName()), property.getPropertyType(), into);
                }
            }
        }
    }

    private static void child(String name, Class<?> type, Set<String> into) {
        if (ownType(type) && !type.isEnum()) {
            walk(name, type, into);
        } else {
            into.add(name);
        }
    }

    private static boolean ownType(Type type) {
        return type instanceof Class<?> c && c.getName().startsWith("org.circlekeeper.")
                && !Collection.class.isAssignableFrom(c) && !Map.class.isAssignableFrom(c);
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    static String environmentName(String property) {
        return property.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
    }

    private static Set<String> allSettings() {
        Set<String> all = new TreeSet<>(PROPERTIES);
        all.addAll(ENVIRONMENT_READ);
        return all;
    }

    @Test
    void theDeployReadmeNamesEverySettingAsAnEnvironmentVariable() {
        String readme = DeployChecks.read(DeployChecks.DEPLOY.resolve("README.md"));
        String reference = readme.substring(readme.indexOf("## Configuration reference"));
        List<String> missing = allSettings().stream().map(DocumentedSettingsTest::environmentName)
                .filter(env -> !reference.contains("`" + env + "`")).toList();
        assertThat(missing).as("settings missing from deploy/README.md's configuration reference").isEmpty();
    }

    @Test
    void everyDocumentedNameBindsToItsProperty() {
        for (String property : allSettings()) {
            String env = environmentName(property);
            StandardEnvironment environment = new StandardEnvironment();
            environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource(
                    StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(env, "x")));
            ConfigurationPropertySource source = ConfigurationPropertySources.get(environment).iterator().next();
            assertThat(source.getConfigurationProperty(ConfigurationPropertyName.of(property)))
                    .as(env + " sets " + property).isNotNull();
        }
    }

    @Test
    void everyCirclekeeperVariableUsedInDeployIsARealSetting() {
        Set<String> known = new TreeSet<>();
        allSettings().forEach(p -> known.add(environmentName(p)));
        List<String> unknown = new ArrayList<>();
        for (Path file : DeployChecks.files(DeployChecks.DEPLOY, ".yml", ".yaml", ".example", "Dockerfile", ".md", ".service")) {
            Matcher matcher = ENV_NAME.matcher(DeployChecks.read(file));
            while (matcher.find()) {
                String env = matcher.group();
                if (!known.contains(env) && componentPresent(env)) {
                    unknown.add(DeployChecks.DEPLOY.relativize(file) + ": " + env);
                }
            }
        }
        assertThat(unknown).as("CIRCLEKEEPER_* names in deploy/ that no setting has (misspelt, or gone)").isEmpty();
    }

    /**
     * Whether the part of circlekeeper a variable belongs to is in this build: {@code CIRCLEKEEPER_TELEGRAM_*} can
     * only be checked once a {@code circlekeeper.telegram} properties class exists. Core names are always checked.
     */
    private static boolean componentPresent(String env) {
        for (String platform : List.of("TELEGRAM", "DISCORD")) {
            if (env.startsWith("CIRCLEKEEPER_" + platform + "_")) {
                String prefix = "circlekeeper." + platform.toLowerCase(Locale.ROOT);
                return PREFIXES.stream().anyMatch(p -> p.startsWith(prefix))
                        || PROPERTIES.stream().anyMatch(p -> p.startsWith(prefix + "."));
            }
        }
        return true;
    }
}
