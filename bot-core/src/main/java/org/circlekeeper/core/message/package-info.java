/**
 * What the core says: {@link org.circlekeeper.core.message.OutgoingMessage} in neutral markup with
 * buttons and visibility, the {@link org.circlekeeper.core.message.Markup} every adapter converts,
 * and the {@link org.circlekeeper.core.message.Messenger} port for messages the bot starts itself.
 */
package org.circlekeeper.core.message;
