package org.circlekeeper.core.engine;

import java.util.Map;
import java.util.Optional;

/** A command's arguments after the engine parsed and validated them against the spec. */
public final class Args {

    private final Map<String, String> values;

    Args(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public static Args of(Map<String, String> values) {
        return new Args(values);
    }

    /** A required option's value (the engine guarantees it is present). */
    public String text(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalStateException("option '" + name + "' is not required by its spec; use optional()");
        }
        return value;
    }

    public Optional<String> optional(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public long integer(String name) {
        return Long.parseLong(text(name));
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }
}
