package org.circlekeeper.core.engine;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.circlekeeper.core.ref.StoreKey;

/**
 * How a feature plugs into the bot: its id, the message bundle that holds its texts
 * ({@code templates/messages/<lang>/<bundle>.yml}), the stores it needs and how it is built from them. A feature
 * declares one ({@code public static final Plugin PLUGIN}); registering it is one line in the bot's feature list.
 * The bot loads every plugin's bundle and refuses to start, naming the store, when a store a plugin needs is missing.
 *
 * @param id      the feature's id, as {@link Feature#id()} says it
 * @param bundle  the bundle of the feature's texts; several features may share one
 * @param stores  the stores the feature is built from (the only ones {@link Wiring#store} hands it)
 * @param factory builds the feature
 */
public record Plugin(String id, String bundle, List<StoreKey<?>> stores, Function<Wiring, Feature> factory) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

    public Plugin {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(bundle, "bundle");
        Objects.requireNonNull(factory, "factory");
        if (!NAME.matcher(id).matches() || !NAME.matcher(bundle).matches()) {
            throw new IllegalArgumentException("a plugin's id and bundle are lower-case names, e.g. checkin and checkins");
        }
        stores = List.copyOf(stores);
    }

    /**
     * Builds the feature.
     *
     * @throws IllegalStateException when the factory builds a feature of another id
     */
    public Feature build(Wiring wiring) {
        Feature feature = Objects.requireNonNull(factory.apply(wiring), () -> "the plugin " + id + " built no feature");
        if (!feature.id().equals(id)) {
            throw new IllegalStateException("the plugin " + id + " built the feature " + feature.id() + "; their ids must match");
        }
        return feature;
    }
}
