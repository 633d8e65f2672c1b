package org.circlekeeper.core.circle;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.circlekeeper.core.ref.CommunityRef;

/** {@link ScheduledCircles} read from the circles' store, with meetings computed by {@link Occurrences}. */
public final class StoredScheduledCircles implements ScheduledCircles {

    /** How many meetings from {@code after} on are looked at for the next start (those running now come first). */
    private static final int LOOKED_AT = 3;

    private final CircleStore circles;

    public StoredScheduledCircles(CircleStore circles) {
        this.circles = Objects.requireNonNull(circles, "circles");
    }

    @Override
    public List<ScheduledCircle> active(CommunityRef community) {
        return circles.all(community).stream().filter(c -> !c.cancelled()).map(StoredScheduledCircles::view).toList();
    }

    @Override
    public Optional<ScheduledCircle> find(CommunityRef community, String id) {
        if (id == null || !Circle.ID.matcher(id).matches()) {
            return Optional.empty();
        }
        return circles.find(community, id).filter(c -> !c.cancelled()).map(StoredScheduledCircles::view);
    }

    @Override
    public Optional<ZonedDateTime> nextStart(CommunityRef community, String circleId, Instant after) {
        if (circleId == null || !Circle.ID.matcher(circleId).matches()) {
            return Optional.empty();
        }
        return circles.find(community, circleId).flatMap(circle ->
                Occurrences.between(circle, after, after.plus(Occurrences.NEXT_HORIZON), LOOKED_AT).stream()
                        .map(Occurrence::start).filter(s -> s.toInstant().isAfter(after)).findFirst());
    }

    private static ScheduledCircle view(Circle circle) {
        return new ScheduledCircle(circle.id(), circle.name(), circle.channel());
    }
}
