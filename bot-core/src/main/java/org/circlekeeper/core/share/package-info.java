/**
 * The share circle: a structured support meeting in a group channel. A format from
 * {@code templates/circle-formats} gives its steps (opening, rounds, open sharing with a speaking
 * queue, closing); the bot keeps the talking piece, the queue and gentle time boxes, posts anonymous
 * shares without a name, and rotates the chair among volunteers. The live circle is one versioned
 * {@link org.circlekeeper.core.share.LiveCircle}; every change is computed from one version and
 * stored only if that version is still current, so replicas never corrupt it. What people share is
 * never stored; when a circle ends only its counts remain.
 */
package org.circlekeeper.core.share;
