package org.circlekeeper.core.circle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.template.Speech;

/** {@link CircleCalendar} read from the circles' stores, meetings computed by {@link Occurrences} as chat computes them. */
public final class StoredCircleCalendar implements CircleCalendar {

    private final CircleStores stores;

    public StoredCircleCalendar(CircleStores stores) {
        this.stores = Objects.requireNonNull(stores, "stores");
    }

    @Override
    public List<Meeting> meetings(CommunityRef community, Instant from, Instant to, Speech speech) {
        if (!from.isBefore(to)) {
            return List.of();
        }
        List<Meeting> found = new ArrayList<>();
        for (Circle circle : stores.circles().all(community)) {
            for (Occurrence occurrence : Occurrences.between(circle, from, to, MAX_PER_CIRCLE)) {
                found.add(view(community, circle, occurrence, speech));
            }
        }
        found.sort(Comparator.comparing((Meeting m) -> m.start().toInstant()).thenComparing(Meeting::circleId));
        return List.copyOf(found);
    }

    @Override
    public Optional<Meeting> meeting(CommunityRef community, String circleId, String meetingKey, Speech speech) {
        if (circleId == null || !Circle.ID.matcher(circleId).matches() || meetingKey == null) {
            return Optional.empty();
        }
        return Occurrence.parseKey(meetingKey).flatMap(original -> stores.circles().find(community, circleId)
                .flatMap(circle -> Occurrences.find(circle, original).map(o -> view(community, circle, o, speech))));
    }

    private Meeting view(CommunityRef community, Circle circle, Occurrence occurrence, Speech speech) {
        Map<MemberRef, Rsvp> answers = stores.rsvps().answers(community, occurrence.ref());
        int coming = 0;
        int maybe = 0;
        int not = 0;
        for (Rsvp rsvp : answers.values()) {
            switch (rsvp.answer()) {
                case COMING -> coming++;
                case MAYBE -> maybe++;
                case NOT_THIS_TIME -> not++;
            }
        }
        return new Meeting(circle.id(), circle.name(), occurrence.key(), occurrence.start(), occurrence.duration(),
                occurrence.moved(), CircleTexts.place(circle.place(), speech), CircleTexts.when(circle.schedule(), speech),
                circle.description(), new Answers(coming, maybe, not));
    }
}
