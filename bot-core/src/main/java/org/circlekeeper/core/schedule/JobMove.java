package org.circlekeeper.core.schedule;

import java.util.Optional;
import org.circlekeeper.core.ref.CommunityRef;

/**
 * How a feature's due jobs follow a community whose id changed (a Telegram group upgraded to a supergroup): a job of
 * the old community comes back re-keyed for the new one, its id and payload naming the new community and its kind and
 * due time kept, so that a reminder due during the move goes out once, under the id the feature would now give it. A
 * job whose due time depends on the community's key (a daily planning slot) comes back at the one the new id has.
 */
@FunctionalInterface
public interface JobMove {

    /** The job re-keyed for {@code to} when it belongs to {@code from}; empty when it is not one of {@code from}'s jobs. */
    Optional<Job> moved(Job job, CommunityRef from, CommunityRef to);

    /** The first of these moves that takes the job, or none. */
    static JobMove firstOf(Iterable<JobMove> moves) {
        return (job, from, to) -> {
            for (JobMove move : moves) {
                Optional<Job> moved = move.moved(job, from, to);
                if (moved.isPresent()) {
                    return moved;
                }
            }
            return Optional.empty();
        };
    }
}
