package org.circlekeeper.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.apache.commons.logging.Log;
import org.springframework.aot.AotDetector;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Keeps the Spring AOT start path ({@code -Dspring.aot.enabled=true}) to runs it was built for: when this run's
 * settings choose other adapters, web server, clock or scheduler than the build's {@link StartShape}, or the jar
 * holds no AOT build, it turns AOT off and the app starts the normal way (every bean chosen at run time).
 */
public class AotStartPath implements EnvironmentPostProcessor, Ordered {

    private final Log log;

    public AotStartPath(DeferredLogFactory logs) {
        this.log = logs.getLog(AotStartPath.class);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!AotDetector.useGeneratedArtifacts() || Boolean.getBoolean("spring.aot.processing")) {
            return;
        }
        StartShape wanted = StartShape.of(environment);
        StartShape built = built(application.getClassLoader());
        if (built == null) {
            log.warn("start: spring.aot.enabled is set but this jar holds no AOT build (build it with -Pfast-start); starting the normal way");
            turnAotOff();
        } else if (!built.equals(wanted)) {
            log.info("start: the AOT build was made for [" + built.describe() + "], these settings choose [" + wanted.describe()
                    + "]; starting the normal way");
            turnAotOff();
        } else {
            log.info("start: AOT path for [" + built.describe() + "]");
        }
    }

    /** The shape the jar's AOT build was made for, or null when the jar holds none. */
    static StartShape built(ClassLoader loader) {
        try (InputStream in = (loader == null ? AotStartPath.class.getClassLoader() : loader).getResourceAsStream(StartShape.RESOURCE)) {
            if (in == null) {
                return null;
            }
            Properties properties = new Properties();
            properties.load(in);
            return StartShape.fromProperties(properties);
        } catch (IOException e) {
            throw new UncheckedIOException("the AOT start shape could not be read", e);
        }
    }

    private static void turnAotOff() {
        System.setProperty(AotDetector.AOT_ENABLED, "false");
    }
}
