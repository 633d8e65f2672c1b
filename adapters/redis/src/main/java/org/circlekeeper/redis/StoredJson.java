package org.circlekeeper.redis;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the JSON codecs share: opening a stored value as an object of their format, or saying it is {@link Unreadable}. */
final class StoredJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private StoredJson() {
    }

    /**
     * The stored value as a JSON object whose {@code "v"} is {@code format}.
     *
     * @throws Unreadable when it is not JSON, not an object, or of another format
     */
    static JsonNode root(String stored, int format) throws Unreadable {
        JsonNode root;
        try {
            root = JSON.readTree(stored);
        } catch (JacksonException e) {
            throw new Unreadable("not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new Unreadable("not a JSON object");
        }
        JsonNode version = root.get("v");
        if (version == null || !version.isIntegralNumber() || version.asInt() != format) {
            throw new Unreadable("not format " + format);
        }
        return root;
    }
}
