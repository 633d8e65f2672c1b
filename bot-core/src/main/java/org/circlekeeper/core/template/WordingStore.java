package org.circlekeeper.core.template;

import java.util.Locale;
import java.util.Map;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.StoreKey;

/** A community's own wording for messages, edited by its organisers; it wins over the shipped text. */
public interface WordingStore {

    /** This store's name among the bot's stores. */
    StoreKey<WordingStore> KEY = StoreKey.of("wording", WordingStore.class);

    /** All of a community's overridden texts in one locale, by message key. */
    Map<String, String> overrides(CommunityRef community, Locale locale);

    void put(CommunityRef community, Locale locale, String key, String text);

    /** Returns true when there was an override to remove. */
    boolean remove(CommunityRef community, Locale locale, String key);
}
