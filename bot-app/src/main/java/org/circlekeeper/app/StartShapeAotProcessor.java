package org.circlekeeper.app;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.env.Environment;

/**
 * At build time (Spring AOT), keeps in the jar the {@link StartShape} the bean definitions were fixed for, so that
 * {@link AotStartPath} can refuse them for a run whose settings choose other adapters.
 */
class StartShapeAotProcessor implements BeanFactoryInitializationAotProcessor {

    @Override
    public BeanFactoryInitializationAotContribution processAheadOfTime(ConfigurableListableBeanFactory beanFactory) {
        StartShape shape = StartShape.of(beanFactory.getBean(Environment.class));
        return (generationContext, code) -> generationContext.getGeneratedFiles().addResourceFile(StartShape.RESOURCE, () -> {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            shape.toProperties().store(bytes, "the choices Spring AOT fixed at build time: " + shape.describe());
            return new ByteArrayInputStream(bytes.toByteArray());
        });
    }
}
