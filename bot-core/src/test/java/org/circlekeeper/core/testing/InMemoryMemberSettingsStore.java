package org.circlekeeper.core.testing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.circlekeeper.core.member.MemberSettings;
import org.circlekeeper.core.member.MemberSettingsStore;
import org.circlekeeper.core.ref.MemberRef;

/** Member settings in memory, for the core's unit tests only. */
public final class InMemoryMemberSettingsStore implements MemberSettingsStore {

    private final Map<String, MemberSettings> settings = new ConcurrentHashMap<>();

    @Override
    public MemberSettings get(MemberRef member) {
        return settings.getOrDefault(member.key(), MemberSettings.NONE);
    }

    @Override
    public void save(MemberRef member, MemberSettings value) {
        if (value.isEmpty()) {
            settings.remove(member.key());
        } else {
            settings.put(member.key(), value);
        }
    }

    @Override
    public void delete(MemberRef member) {
        settings.remove(member.key());
    }

    public int size() {
        return settings.size();
    }
}
