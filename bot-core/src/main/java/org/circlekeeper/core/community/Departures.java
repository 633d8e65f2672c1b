package org.circlekeeper.core.community;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.circlekeeper.core.engine.CommandSpec;
import org.circlekeeper.core.engine.Feature;
import org.circlekeeper.core.engine.FeatureRegistry;
import org.circlekeeper.core.engine.MembershipEvent;
import org.circlekeeper.core.engine.MembershipListener;
import org.circlekeeper.core.ref.CommunityData;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MessageKey;
import org.circlekeeper.core.ref.PersonalData;
import org.circlekeeper.core.ref.Platform;
import org.circlekeeper.core.schedule.Job;
import org.circlekeeper.core.schedule.JobHandler;
import org.circlekeeper.core.schedule.JobMove;
import org.circlekeeper.core.schedule.JobQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot removed from a community, and back: when a platform reports a removal (not an outage), the bot stops
 * speaking there (the outbox asks the {@link DepartureStore}), keeps the community's data for a grace period, and
 * then erases everything the community owns, by a job in the queue: each feature's {@link CommunityData} (its due
 * jobs) and the community's records in the stores. Back within the period, everything carries on and the erasure is
 * called off.
 */
public final class Departures implements Feature, MembershipListener {

    /** The grace period when the deployment sets none. */
    public static final Duration DEFAULT_GRACE = Duration.ofDays(30);
    static final String ERASE = "community.erase";

    private static final Logger LOG = LoggerFactory.getLogger(Departures.class);

    private final FeatureRegistry registry;
    private final DepartureStore store;
    private final JobQueue queue;
    private final Clock clock;
    private final Duration grace;

    /**
     * @param registry every feature, whose {@link Feature#communityData()} is erased with the community
     * @param grace    how long a community's data is kept after the bot was removed (at least a minute)
     */
    public Departures(FeatureRegistry registry, DepartureStore store, JobQueue queue, Clock clock, Duration grace) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.store = Objects.requireNonNull(store, "store");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.grace = Objects.requireNonNull(grace, "grace");
        if (grace.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("the grace period after the bot is removed from a community must be at "
                    + "least a minute (it was " + grace + "); the default is " + DEFAULT_GRACE.toDays() + " days");
        }
    }

    @Override
    public String id() {
        return "departure";
    }

    /** It has no commands of its own; it belongs with the group's settings. */
    @Override
    public String helpTopic() {
        return "settings";
    }

    @Override
    public List<CommandSpec> commands() {
        return List.of();
    }

    @Override
    public List<MessageKey> messages() {
        return List.of();
    }

    /** It keeps nothing about members: only when the bot left a community. */
    @Override
    public List<PersonalData> personalData() {
        return List.of();
    }

    @Override
    public List<JobHandler> jobHandlers() {
        return List.of(JobHandler.of(ERASE, this::erase));
    }

    /** A pending erasure follows a community whose id changed (its removal mark moves with its records). */
    @Override
    public List<JobMove> jobMoves() {
        return List.of((job, from, to) -> job.kind().equals(ERASE) && job.id().equals(eraseJobId(from))
                ? Optional.of(eraseJob(to, job.due())) : Optional.empty());
    }

    @Override
    public void onMembership(MembershipEvent event) {
        CommunityRef community = event.community();
        if (event instanceof MembershipEvent.BotRemoved) {
            Instant now = clock.instant();
            if (store.markDeparted(community, now)) {
                queue.reschedule(eraseJob(community, now.plus(grace)));
                LOG.info("the bot was removed from a {} community; its data is erased on {} unless it is added back",
                        community.platform().id(), now.plus(grace));
            }
        } else if (event instanceof MembershipEvent.BotPresent) {
            if (store.clearDeparted(community)) {
                queue.cancel(eraseJobId(community));
                LOG.info("the bot is back in a {} community within the grace period: everything carries on", community.platform().id());
            }
        }
    }

    static String eraseJobId(CommunityRef community) {
        return ERASE + ":" + community.key();
    }

    private static Job eraseJob(CommunityRef community, Instant due) {
        return new Job(eraseJobId(community), ERASE, due, community.platform().id() + " " + community.communityId());
    }

    /** Erases the community whose grace period ended, unless the bot came back; runs again whole after a failure. */
    private void erase(Job job, Instant now, Duration lateness) {
        String[] parts = job.payload().split(" ", 2);
        CommunityRef community = new CommunityRef(Platform.fromId(parts[0]), parts[1]);
        Optional<Instant> departed = store.departedAt(community);
        if (departed.isEmpty()) {
            LOG.info("a {} community's erasure was called off: the bot is back", community.platform().id());
            return;
        }
        Instant due = departed.get().plus(grace);
        if (now.isBefore(due)) {
            queue.reschedule(eraseJob(community, due));
            return;
        }
        for (Feature feature : registry.features()) {
            for (CommunityData data : feature.communityData()) {
                data.erase(community);
            }
        }
        store.eraseCommunity(community);
        LOG.info("a {} community was erased, {} days after the bot was removed from it", community.platform().id(),
                Duration.between(departed.get(), now).toDays());
    }
}
