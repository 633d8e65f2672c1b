/**
 * The share circle (the feature's name, as members know it): a structured support meeting in a group
 * channel. Its words in code: a
 * <em>session</em> ({@link org.circlekeeper.core.share.ShareSession}) is one live meeting in a channel,
 * run by {@link org.circlekeeper.core.share.Sessions}; its {@link org.circlekeeper.core.share.ShareFormat}
 * (from {@code templates/circle-formats}) gives its steps (opening, rounds, open sharing with a speaking
 * queue, closing); a <em>circle</em> here is always a scheduled series of the circles feature, reached only
 * through {@link org.circlekeeper.core.circle.ScheduledCircles}. The bot keeps the talking piece, the queue and
 * gentle time boxes, posts shares without a name, and rotates the chair among volunteers. A session is one
 * versioned value; every change is computed from one version and stored only if that version is still
 * current, so replicas never corrupt it. What people share is never stored; when a session ends only its
 * counts remain.
 */
package org.circlekeeper.core.share;
