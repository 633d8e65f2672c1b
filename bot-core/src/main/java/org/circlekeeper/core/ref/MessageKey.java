package org.circlekeeper.core.ref;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A template key together with the values the code supplies for it. Declaring both lets a test
 * prove that every locale has every key and that no template asks for a value the code never gives.
 * A dotted name ({@code commands.name}) is a field of the items of a list value ({@code commands}).
 */
public record MessageKey(String key, Set<String> params) {

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z0-9][a-z0-9-]*)+");
    /** Keys without values made by {@link #of}, kept at most {@link #MAX_PLAIN} (the templates hold about two thousand). */
    private static final Map<String, MessageKey> PLAIN = new ConcurrentHashMap<>();
    private static final int MAX_PLAIN = 8_192;

    public MessageKey {
        Objects.requireNonNull(key, "key");
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("message key '" + key + "' must be dotted lower-case, e.g. settings.welcome");
        }
        params = Set.copyOf(params);
    }

    public static MessageKey of(String key, String... params) {
        if (params.length == 0) {
            // a label's or a word's key is made again on every use: keep the checked key instead of checking it again
            MessageKey known = PLAIN.get(key);
            if (known != null) {
                return known;
            }
            MessageKey made = new MessageKey(key, Set.of());
            if (PLAIN.size() >= MAX_PLAIN) {
                PLAIN.clear();
            }
            PLAIN.put(key, made);
            return made;
        }
        return new MessageKey(key, new LinkedHashSet<>(Arrays.asList(params)));
    }

    /** The values the caller must supply at render time (list fields excluded). */
    public Set<String> topLevelParams() {
        return params.stream().filter(p -> p.indexOf('.') < 0).collect(Collectors.toSet());
    }

    /** True when a name a template uses is one this key declares (as a value or a list field). */
    public boolean declares(String name) {
        return params.contains(name) || params.stream().anyMatch(p -> p.endsWith("." + name));
    }
}
