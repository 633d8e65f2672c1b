/**
 * What organisers set for their whole community: its time zone and language (the defaults for
 * members who set none) and its own wording of the bot's messages.
 */
package org.circlekeeper.core.community;
