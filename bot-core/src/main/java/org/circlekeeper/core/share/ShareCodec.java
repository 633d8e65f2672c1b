package org.circlekeeper.core.share;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the share circle's stored values into JSON and back, so that every store (and every replica)
 * writes them alike. Unknown fields are ignored when reading, so a newer replica's values stay readable.
 */
public final class ShareCodec {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ShareCodec() {
    }

    public static String write(ShareSession session) {
        return JSON.writeValueAsString(session);
    }

    public static ShareSession readLive(String json) {
        return JSON.readValue(json, ShareSession.class);
    }

    public static String write(ChairRotation rotation) {
        return JSON.writeValueAsString(rotation);
    }

    public static ChairRotation readRotation(String json) {
        return JSON.readValue(json, ChairRotation.class);
    }

    public static String write(Volunteer volunteer) {
        return JSON.writeValueAsString(volunteer);
    }

    public static Volunteer readVolunteer(String json) {
        return JSON.readValue(json, Volunteer.class);
    }

    public static String write(SessionSummary summary) {
        return JSON.writeValueAsString(summary);
    }

    public static SessionSummary readSummary(String json) {
        return JSON.readValue(json, SessionSummary.class);
    }
}
