/**
 * The web adapter: the organisers' page, server-rendered, mapped onto the core's {@code Dashboard} the way the
 * platform adapters map their events onto the engine. It reads no feature's store and decides no rule itself.
 */
package org.circlekeeper.web;
