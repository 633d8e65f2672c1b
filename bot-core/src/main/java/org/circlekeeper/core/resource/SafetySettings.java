package org.circlekeeper.core.resource;

import org.circlekeeper.core.ref.ChannelRef;

/**
 * A community's choice about the safety check: whether group messages are checked at all (off
 * until an organiser turns it on) and whether, and where, organisers are told when a member asks
 * for support.
 *
 * @param alertChannel where alerts go when {@code alerts} is on; null until an organiser chose one
 */
public record SafetySettings(boolean detection, boolean alerts, ChannelRef alertChannel) {

    public static final SafetySettings OFF = new SafetySettings(false, false, null);

    public SafetySettings {
        if (alerts && alertChannel == null) {
            throw new IllegalArgumentException("alerts need a channel to go to");
        }
    }

    public SafetySettings withDetection(boolean on) {
        return new SafetySettings(on, alerts, alertChannel);
    }

    public SafetySettings withAlertsTo(ChannelRef channel) {
        return new SafetySettings(detection, true, channel);
    }

    public SafetySettings withoutAlerts() {
        return new SafetySettings(detection, false, null);
    }
}
