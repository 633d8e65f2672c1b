package org.circlekeeper.core.community;

import java.util.List;
import java.util.Objects;
import org.circlekeeper.core.engine.CommandSpec;
import org.circlekeeper.core.engine.Feature;
import org.circlekeeper.core.engine.FeatureRegistry;
import org.circlekeeper.core.engine.MembershipEvent;
import org.circlekeeper.core.engine.MembershipListener;
import org.circlekeeper.core.ref.MessageKey;
import org.circlekeeper.core.ref.PersonalData;
import org.circlekeeper.core.schedule.JobMove;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A community whose id changed (a Telegram group upgraded to a supergroup) takes everything it owns to its new id:
 * the stores' records and every feature's due jobs ({@link Feature#jobMoves()}), once, through
 * {@link DepartureStore#moveCommunity}, however many times and on however many replicas the platform reports it.
 */
public final class CommunityMoves implements Feature, MembershipListener {

    private static final Logger LOG = LoggerFactory.getLogger(CommunityMoves.class);

    private final FeatureRegistry registry;
    private final DepartureStore store;

    /** @param registry every feature, whose {@link Feature#jobMoves()} re-key its jobs */
    public CommunityMoves(FeatureRegistry registry, DepartureStore store) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public String id() {
        return "community-move";
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

    /** It keeps nothing about members itself; the store moves members' records of the community with it. */
    @Override
    public List<PersonalData> personalData() {
        return List.of();
    }

    @Override
    public void onMembership(MembershipEvent event) {
        if (event instanceof MembershipEvent.CommunityMoved moved) {
            move(moved);
        }
    }

    private void move(MembershipEvent.CommunityMoved moved) {
        JobMove jobs = JobMove.firstOf(registry.features().stream().flatMap(f -> f.jobMoves().stream()).toList());
        if (store.moveCommunity(moved.community(), moved.to(), jobs, moved.channels())) {
            LOG.info("a {} community moved to its new id with everything it owns", moved.to().platform().id());
        } else {
            LOG.debug("a {} community's move was reported again; it had moved already", moved.to().platform().id());
        }
    }
}
