package org.circlekeeper.core.circle;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.circlekeeper.core.engine.Turn;

/**
 * Finds the circle an organiser or member named, by its id or by its name, with a kind reply when there is none or
 * more than one; and the order circles are listed in. Shared by the organisers' and the members' commands.
 */
final class CircleLookup {

    private final CircleStores stores;

    CircleLookup(CircleStores stores) {
        this.stores = stores;
    }

    /** The circle an organiser or member named, by its id or by its name; a kind reply when there is none or more than one. */
    Optional<Circle> find(Turn turn, String typed) {
        String id = CircleIds.normalise(typed);
        Optional<Circle> found = Circle.ID.matcher(id).matches() ? stores.circles().find(turn.community(), id) : Optional.empty();
        if (found.isEmpty()) {
            List<Circle> named = CircleIds.byName(stores.circles().all(turn.community()), typed);
            List<Circle> open = named.stream().filter(c -> !c.cancelled()).toList();
            List<Circle> meant = open.isEmpty() ? named : open;
            if (meant.size() == 1) {
                return Optional.of(meant.get(0));
            }
            if (meant.size() > 1) {
                turn.replyPrivately(CircleMessages.ERR_AMBIGUOUS, "given", typed,
                        "ids", sorted(meant).stream().map(Circle::id).collect(Collectors.joining(", ")));
                return Optional.empty();
            }
        }
        if (found.isEmpty()) {
            String ids = sorted(stores.circles().all(turn.community())).stream().filter(c -> !c.cancelled()).map(Circle::id)
                    .collect(Collectors.joining(", "));
            turn.replyPrivately(CircleMessages.ERR_UNKNOWN, "given", typed, "ids", ids);
        }
        return found;
    }

    /** True (after a private reply that says so) when the circle is cancelled, so it cannot be changed. */
    static boolean isCancelled(Turn turn, Circle circle) {
        if (circle.cancelled()) {
            turn.replyPrivately(CircleMessages.ERR_CANCELLED, "name", circle.name());
        }
        return circle.cancelled();
    }

    /** Open circles first, each group by id. */
    static List<Circle> sorted(List<Circle> circles) {
        return circles.stream().sorted(Comparator.comparing(Circle::cancelled).thenComparing(Circle::id)).toList();
    }
}
