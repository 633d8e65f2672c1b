/**
 * The Discord adapter on JDA: shards on the gateway, slash commands built from the core's command
 * specs, buttons, modals, ephemeral replies, direct messages and Discord markdown. It depends on the
 * core only; {@link org.circlekeeper.discord.DiscordAdapter} is where to start.
 */
package org.circlekeeper.discord;
