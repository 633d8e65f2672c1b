package org.circlekeeper.core.testing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.circlekeeper.core.community.DepartureStore;
import org.circlekeeper.core.ref.ChannelRef;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.schedule.JobMove;

/**
 * Which communities removed the bot, in memory, erasing or moving a community in the other in-memory stores and the
 * job queue; for tests only.
 */
public final class InMemoryDepartureStore implements DepartureStore {

    /** An in-memory store's records of a community, erased or moved with it. */
    public interface CommunityPart {

        /** Forgets everything this store keeps for the community. */
        void eraseCommunity(CommunityRef community);

        /** Moves what this store keeps for {@code from} to {@code to}; where both have the same record, the moved one wins. */
        void moveCommunity(CommunityRef from, CommunityRef to);

        /**
         * As {@link #moveCommunity(CommunityRef, CommunityRef)}, knowing each re-keyed job's new id by its old one, and
         * rewriting each stored channel that is a key of {@code channels} to its value.
         */
        default void moveCommunity(CommunityRef from, CommunityRef to, Map<String, String> jobIds, Map<ChannelRef, ChannelRef> channels) {
            moveCommunity(from, to);
        }
    }

    private final Map<CommunityRef, Instant> departed = new ConcurrentHashMap<>();
    private final Map<CommunityRef, CommunityRef> moved = new ConcurrentHashMap<>();
    private final InMemoryJobQueue jobs;
    private final List<CommunityPart> parts;

    /** @param parts each in-memory store that keeps records of communities */
    public InMemoryDepartureStore(InMemoryJobQueue jobs, CommunityPart... parts) {
        this.jobs = jobs;
        this.parts = List.of(parts);
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
        parts.forEach(part -> part.eraseCommunity(community));
        departed.remove(community);
    }

    /** Under this store's lock, once a job of {@code from} being run has finished (as the Redis store waits for it). */
    @Override
    public synchronized boolean moveCommunity(CommunityRef from, CommunityRef to, JobMove move, Map<ChannelRef, ChannelRef> channels) {
        if (moved.containsKey(from)) {
            return false;
        }
        Map<String, String> jobIds;
        try {
            jobIds = jobs.rekeyWhenIdle(job -> move.moved(job, from, to));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a job of the community was being run", e);
        }
        parts.forEach(part -> part.moveCommunity(from, to, jobIds, channels));
        Instant mark = departed.remove(from);
        if (mark != null) {
            departed.put(to, mark);
        }
        moved.put(from, to);
        return true;
    }

    /** Where the community moved, if it did (for tests). */
    public Optional<CommunityRef> movedTo(CommunityRef from) {
        return Optional.ofNullable(moved.get(from));
    }
}
