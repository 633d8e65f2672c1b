package org.circlekeeper.core.gratitude;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.circlekeeper.core.ref.MemberRef;

/** The gratitude store in memory, for tests. */
public final class InMemoryGratitudeStore implements GratitudeStore {

    private final Map<String, List<String>> lines = new ConcurrentHashMap<>();

    private static String id(MemberRef member) {
        return member.platform().id() + ":" + member.userId();
    }

    @Override
    public synchronized int add(MemberRef member, String line) {
        List<String> kept = lines.computeIfAbsent(id(member), k -> new ArrayList<>());
        kept.add(line);
        while (kept.size() > MAX_LINES) {
            kept.remove(0);
        }
        return kept.size();
    }

    @Override
    public synchronized List<String> lines(MemberRef member) {
        return List.copyOf(lines.getOrDefault(id(member), List.of()));
    }

    @Override
    public synchronized void erase(MemberRef member) {
        lines.remove(id(member));
    }
}
