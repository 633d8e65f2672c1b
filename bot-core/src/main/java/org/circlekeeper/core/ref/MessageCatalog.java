package org.circlekeeper.core.ref;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The message keys one class declares, collected as they are declared ({@code static final MessageKey SAVED =
 * KEYS.key("checkin.saved", "mood")}), together with the bundle whose file holds their texts
 * ({@code templates/messages/<lang>/<bundle>.yml}). A feature answers {@code messages()} with its catalogs' keys,
 * so no list of keys is kept by hand and the i18n test checks every key the code declares.
 *
 * <p>A catalog is read after the class that holds it has been initialised, so keep each catalog in the class
 * whose fields declare its keys (as the first field), and add keys made by other classes (an enum's labels) in
 * that class's static initialiser.
 */
public final class MessageCatalog {

    private static final Pattern BUNDLE = Pattern.compile("[a-z][a-z0-9-]*");

    private final String bundle;
    private final Map<String, MessageKey> keys = new LinkedHashMap<>();

    private MessageCatalog(String bundle) {
        this.bundle = bundle;
    }

    /** An empty catalog of keys whose texts live in {@code bundle}. */
    public static MessageCatalog of(String bundle) {
        Objects.requireNonNull(bundle, "bundle");
        if (!BUNDLE.matcher(bundle).matches()) {
            throw new IllegalArgumentException("bundle name '" + bundle + "' must be lower-case, e.g. checkins");
        }
        return new MessageCatalog(bundle);
    }

    /** Declares a key with the values the code supplies for it, and collects it. */
    public MessageKey key(String key, String... params) {
        return add(MessageKey.of(key, params));
    }

    /** Collects a key made elsewhere (an enum's label, a key of another class this feature renders). */
    public synchronized MessageKey add(MessageKey key) {
        Objects.requireNonNull(key, "key");
        MessageKey before = keys.putIfAbsent(key.key(), key);
        if (before != null && !before.equals(key)) {
            throw new IllegalArgumentException("message key " + key.key() + " is declared twice with different values: "
                    + before.params() + " and " + key.params());
        }
        return key;
    }

    /** The bundle that holds the texts of these keys. */
    public String bundle() {
        return bundle;
    }

    /** Every key collected so far, in the order declared. */
    public synchronized List<MessageKey> keys() {
        return List.copyOf(keys.values());
    }

    @Override
    public String toString() {
        return "MessageCatalog[" + bundle + ", " + keys().size() + " keys]";
    }
}
