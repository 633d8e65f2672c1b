package org.circlekeeper.core.gratitude;

import java.util.List;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.StoreKey;

/** The lines a member keeps of what they are grateful for, newest last; the gratitude feature's one store port. */
public interface GratitudeStore {

    /** This store's name among the bot's stores. */
    StoreKey<GratitudeStore> KEY = StoreKey.of("gratitude", GratitudeStore.class);

    /** How many lines a member keeps at most; the oldest goes when a new one comes. */
    int MAX_LINES = 20;

    /** Keeps a line and returns how many the member has now. */
    int add(MemberRef member, String line);

    List<String> lines(MemberRef member);

    void erase(MemberRef member);
}
