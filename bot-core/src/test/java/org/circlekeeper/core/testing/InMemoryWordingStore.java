package org.circlekeeper.core.testing;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.template.WordingStore;

/** Community wording in memory, for the core's unit tests only. */
public final class InMemoryWordingStore implements WordingStore, InMemoryDepartureStore.CommunityPart {

    private final Map<String, Map<String, String>> texts = new ConcurrentHashMap<>();

    private static String slot(CommunityRef community, Locale locale) {
        return community.key() + "|" + locale.getLanguage();
    }

    @Override
    public Map<String, String> overrides(CommunityRef community, Locale locale) {
        return Map.copyOf(texts.getOrDefault(slot(community, locale), Map.of()));
    }

    @Override
    public void put(CommunityRef community, Locale locale, String key, String text) {
        texts.computeIfAbsent(slot(community, locale), k -> new ConcurrentHashMap<>()).put(key, text);
    }

    @Override
    public boolean remove(CommunityRef community, Locale locale, String key) {
        Map<String, String> forCommunity = texts.get(slot(community, locale));
        return forCommunity != null && forCommunity.remove(key) != null;
    }

    /** Forgets the community's wording in every language (its erasure as a whole). */
    @Override
    public void eraseCommunity(CommunityRef community) {
        texts.keySet().removeIf(slot -> slot.startsWith(community.key() + "|"));
    }

    /** The moved community's texts join the new id's, the moved text winning for the same message. */
    @Override
    public synchronized void moveCommunity(CommunityRef from, CommunityRef to) {
        for (String slot : List.copyOf(texts.keySet())) {
            if (slot.startsWith(from.key() + "|")) {
                Map<String, String> moved = texts.remove(slot);
                texts.computeIfAbsent(to.key() + slot.substring(from.key().length()), k -> new ConcurrentHashMap<>()).putAll(moved);
            }
        }
    }
}
