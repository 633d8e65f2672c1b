/**
 * The engine: what a platform hands the core ({@link org.circlekeeper.core.engine.Inbound}), the
 * declarative command specs, the router that checks permission, place and arguments before a
 * feature sees anything, and the {@link org.circlekeeper.core.engine.Turn} a feature answers through.
 */
package org.circlekeeper.core.engine;
