/**
 * The platform-neutral core of circlekeeper, package by feature. {@link org.circlekeeper.core.Bot}
 * assembles every feature into one {@link org.circlekeeper.core.engine.Engine} from the store ports
 * an application provides.
 */
package org.circlekeeper.core;
