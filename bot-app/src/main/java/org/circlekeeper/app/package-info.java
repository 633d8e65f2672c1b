/**
 * The composition root: configuration properties, the wiring of the core with its stores and
 * adapters, the actuator, and {@code main()}. Nothing depends on this package.
 */
package org.circlekeeper.app;
