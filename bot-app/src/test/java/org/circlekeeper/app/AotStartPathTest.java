package org.circlekeeper.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.aot.AotDetector;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.mock.env.MockEnvironment;

/** The AOT start path is taken only by runs whose settings choose what the AOT build fixed. */
class AotStartPathTest {

    @TempDir
    Path jar;

    @AfterEach
    void aotOff() {
        System.clearProperty(AotDetector.AOT_ENABLED);
    }

    @Test
    void theShapeFollowsTheAdaptersConditions() {
        assertThat(StartShape.of(new MockEnvironment())).isEqualTo(new StartShape(true, false, false, false, false, true, false, false));
        assertThat(StartShape.of(new MockEnvironment().withProperty("circlekeeper.telegram.token", "123:abc")
                .withProperty("circlekeeper.web.port", "8080")))
                .isEqualTo(new StartShape(false, true, false, false, true, false, true, false));
        assertThat(StartShape.of(new MockEnvironment().withProperty("circlekeeper.telegram.token", "123:abc")
                .withProperty("circlekeeper.telegram.mode", "webhook").withProperty("circlekeeper.scheduler.enabled", "false")))
                .isEqualTo(new StartShape(false, true, true, false, false, false, false, false));
        assertThat(StartShape.of(new MockEnvironment().withProperty("circlekeeper.discord.token", "x")
                .withProperty("circlekeeper.console.enabled", "true")).describe()).isEqualTo("console, discord, scheduler");
        assertThat(StartShape.of(new MockEnvironment().withProperty("circlekeeper.console.enabled", "false")).describe())
                .isEqualTo("scheduler");
    }

    @Test
    void theShapeSurvivesTheJar() {
        StartShape shape = new StartShape(false, true, true, false, true, false, true, true);
        assertThat(StartShape.fromProperties(shape.toProperties())).isEqualTo(shape);
    }

    @Test
    void settingsLikeTheBuildsKeepTheAotPath() throws IOException {
        System.setProperty(AotDetector.AOT_ENABLED, "true");
        run(new MockEnvironment(), builtFor(StartShape.of(new MockEnvironment())));
        assertThat(AotDetector.useGeneratedArtifacts()).isTrue();
    }

    @Test
    void aTelegramTokenOnAConsoleBuildStartsTheNormalWay() throws IOException {
        System.setProperty(AotDetector.AOT_ENABLED, "true");
        run(new MockEnvironment().withProperty("circlekeeper.telegram.token", "123:abc"), builtFor(StartShape.of(new MockEnvironment())));
        assertThat(AotDetector.useGeneratedArtifacts()).isFalse();
    }

    @Test
    void aWebPortOnABuildWithoutOneStartsTheNormalWay() throws IOException {
        System.setProperty(AotDetector.AOT_ENABLED, "true");
        run(new MockEnvironment().withProperty("circlekeeper.web.port", "8080"), builtFor(StartShape.of(new MockEnvironment())));
        assertThat(AotDetector.useGeneratedArtifacts()).isFalse();
    }

    @Test
    void aJarWithoutAnAotBuildStartsTheNormalWay() throws IOException {
        System.setProperty(AotDetector.AOT_ENABLED, "true");
        run(new MockEnvironment(), new URLClassLoader(new URL[] {jar.toUri().toURL()}, null));
        assertThat(AotDetector.useGeneratedArtifacts()).isFalse();
    }

    @Test
    void withoutAotNothingChanges() throws IOException {
        run(new MockEnvironment().withProperty("circlekeeper.telegram.token", "123:abc"), builtFor(StartShape.of(new MockEnvironment())));
        assertThat(System.getProperty(AotDetector.AOT_ENABLED)).isNull();
    }

    private ClassLoader builtFor(StartShape shape) throws IOException {
        Path resource = jar.resolve(StartShape.RESOURCE);
        Files.createDirectories(resource.getParent());
        try (OutputStream out = Files.newOutputStream(resource)) {
            shape.toProperties().store(out, null);
        }
        return new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
    }

    private static void run(MockEnvironment environment, ClassLoader jarLoader) {
        SpringApplication application = new SpringApplication();
        application.setResourceLoader(new DefaultResourceLoader(jarLoader));
        new AotStartPath(new DeferredLogs()).postProcessEnvironment(environment, application);
    }
}
