package org.circlekeeper.core.testing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.circlekeeper.core.community.DepartureStore;
import org.circlekeeper.core.ref.CommunityRef;

/** Which communities removed the bot, in memory, erasing a community from the other in-memory stores; for tests only. */
public final class InMemoryDepartureStore implements DepartureStore {

    private final Map<CommunityRef, Instant> departed = new ConcurrentHashMap<>();
    private final List<Consumer<CommunityRef>> erasers;

    /** @param erasers each in-memory store's erasure of a community */
    @SafeVarargs
    public InMemoryDepartureStore(Consumer<CommunityRef>... erasers) {
        this.erasers = List.of(erasers);
    }

    @Override
    public Optional<Instant> departedAt(CommunityRef community) {
        return Optional.ofNullable(departed.get(community));
    }

    @Override
    public boolean markDeparted(CommunityRef community, Instant at) {
        return departed.putIfAbsent(community, at) == null;
    }

    @Override
    public boolean clearDeparted(CommunityRef community) {
        return departed.remove(community) != null;
    }

    @Override
    public synchronized void eraseCommunity(CommunityRef community) {
        erasers.forEach(eraser -> eraser.accept(community));
        departed.remove(community);
    }
}
