/**
 * The Telegram adapter: TelegramBots 10 against the Bot API, long polling or a webhook, updates mapped
 * to the core's inbound events and replies rendered as Telegram HTML within Telegram's limits. Start
 * with {@link org.circlekeeper.telegram.TelegramConnection} (the messenger the core sends through) and
 * {@link org.circlekeeper.telegram.TelegramBot} (updates in).
 */
package org.circlekeeper.telegram;
