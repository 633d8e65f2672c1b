package org.circlekeeper.core.testing;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.circlekeeper.core.circle.FeedTokenStore;
import org.circlekeeper.core.ref.CommunityRef;

/** Calendar-feed tokens in memory, both ways round as in Redis; for the core's unit tests only. */
public final class InMemoryFeedTokenStore implements FeedTokenStore, InMemoryDepartureStore.CommunityPart {

    private final Map<CommunityRef, String> tokens = new ConcurrentHashMap<>();
    private final Map<String, CommunityRef> communities = new ConcurrentHashMap<>();

    @Override
    public Optional<String> token(CommunityRef community) {
        return Optional.ofNullable(tokens.get(community));
    }

    @Override
    public Optional<CommunityRef> community(String token) {
        return Optional.ofNullable(communities.get(token));
    }

    @Override
    public synchronized void put(CommunityRef community, String token) {
        String old = tokens.put(community, token);
        if (old != null) {
            communities.remove(old);
        }
        communities.put(token, community);
    }

    /** Forgets the community's token, which stops naming it (its erasure as a whole). */
    @Override
    public synchronized void eraseCommunity(CommunityRef community) {
        String token = tokens.remove(community);
        if (token != null) {
            communities.remove(token);
        }
    }

    /** The moved community's feed token names the new id and wins over the one the new id had, which stops working. */
    @Override
    public synchronized void moveCommunity(CommunityRef from, CommunityRef to) {
        String token = tokens.remove(from);
        if (token == null) {
            return;
        }
        String replaced = tokens.put(to, token);
        if (replaced != null) {
            communities.remove(replaced);
        }
        communities.put(token, to);
    }
}
