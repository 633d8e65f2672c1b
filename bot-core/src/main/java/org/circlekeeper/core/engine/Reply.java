package org.circlekeeper.core.engine;

import org.circlekeeper.core.message.OutgoingMessage;

/**
 * One answer to an inbound event, for the adapter to deliver.
 *
 * @param replacesOrigin true when it should replace the message whose button was pressed
 */
public record Reply(OutgoingMessage message, boolean replacesOrigin) {
}
