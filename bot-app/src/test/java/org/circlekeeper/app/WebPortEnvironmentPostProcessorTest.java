package org.circlekeeper.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.util.ClassUtils;

/** Without a web port no server runs and the web-only auto-configurations stay out; with one, everything is there. */
class WebPortEnvironmentPostProcessorTest {

    private final WebPortEnvironmentPostProcessor processor = new WebPortEnvironmentPostProcessor();

    @Test
    void withoutAWebPortTheWebOnlyAutoConfigurationsAreLeftOutBesideTheDeploymentsOwn() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty(WebPortEnvironmentPostProcessor.EXCLUDE, "org.example.TheirsAutoConfiguration");
        processor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.main.web-application-type")).isEqualTo("none");
        List<String> excluded = List.of(Binder.get(environment).bind(WebPortEnvironmentPostProcessor.EXCLUDE, String[].class).get());
        assertThat(excluded).contains("org.example.TheirsAutoConfiguration")
                .containsAll(WebPortEnvironmentPostProcessor.WEB_ONLY)
                .doesNotHaveDuplicates();
    }

    @Test
    void withAWebPortNothingIsLeftOut() {
        MockEnvironment environment = new MockEnvironment().withProperty(WebPortEnvironmentPostProcessor.PORT, " 8080 ");
        processor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.main.web-application-type")).isEqualTo("servlet");
        assertThat(environment.getProperty("server.port")).isEqualTo("8080");
        assertThat(environment.getProperty(WebPortEnvironmentPostProcessor.EXCLUDE)).isNull();
    }

    /** A name Spring Boot renames in an upgrade would silently stop being left out: each must be a real auto-configuration. */
    @Test
    void everyNameLeftOutIsAnAutoConfigurationOfThisClasspath() {
        List<String> candidates = ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()).getCandidates();
        assertThat(WebPortEnvironmentPostProcessor.WEB_ONLY).allSatisfy(name -> {
            assertThat(ClassUtils.isPresent(name, getClass().getClassLoader())).as(name).isTrue();
            assertThat(candidates).as(name).contains(name);
        });
    }
}
