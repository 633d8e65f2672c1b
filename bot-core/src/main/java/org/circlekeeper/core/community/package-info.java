/**
 * What organisers set for their whole community: its time zone and language (the defaults for
 * members who set none) and its own wording of the bot's messages; and how a member's and their
 * community's settings are weighed into the preferences the bot speaks with.
 */
package org.circlekeeper.core.community;
