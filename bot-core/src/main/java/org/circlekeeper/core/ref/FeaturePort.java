package org.circlekeeper.core.ref;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the one narrow type through which a feature offers something to another feature (and the value records it
 * hands out). A feature may import another feature only through types so marked, which keeps each feature free to
 * change everything else it holds.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface FeaturePort {
}
