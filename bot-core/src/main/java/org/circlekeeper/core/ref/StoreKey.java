package org.circlekeeper.core.ref;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The name and port type of one store, so that the bot's stores are put in and taken out by name, not by
 * position: a feature declares the keys of the stores it needs, and adding a store breaks no one else's code.
 *
 * @param name a short stable name, e.g. {@code checkins}, used in error messages
 * @param type the store port the implementation must be
 */
public record StoreKey<T>(String name, Class<T> type) {

    private static final Pattern NAME = Pattern.compile("[a-z][A-Za-z0-9-]*");

    public StoreKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("store name '" + name + "' must start with a lower-case letter, e.g. checkins");
        }
    }

    public static <T> StoreKey<T> of(String name, Class<T> type) {
        return new StoreKey<>(name, type);
    }

    /** The store, checked to be of this key's port type. */
    public T cast(Object store) {
        if (!type.isInstance(store)) {
            throw new IllegalArgumentException("the store '" + name + "' must be a " + type.getSimpleName() + ", not a "
                    + store.getClass().getSimpleName());
        }
        return type.cast(store);
    }

    @Override
    public String toString() {
        return "'" + name + "' (" + type.getSimpleName() + ")";
    }
}
