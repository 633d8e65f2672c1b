/**
 * What the core says: {@link org.circlekeeper.core.message.OutgoingMessage} in neutral markup with
 * buttons and visibility, in the {@link org.circlekeeper.core.template.Markup} every adapter converts,
 * the outbox that renders and sends it in each reader's language, and the {@link org.circlekeeper.core.message.Messenger} port for messages the bot starts itself.
 */
package org.circlekeeper.core.message;
