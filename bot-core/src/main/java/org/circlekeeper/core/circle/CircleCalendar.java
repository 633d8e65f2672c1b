package org.circlekeeper.core.circle;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.FeaturePort;
import org.circlekeeper.core.template.Speech;

/**
 * What the circles feature shows of a community's meetings outside chat (the organisers' page): each meeting in a
 * span of time, and one meeting's details, with its place and schedule in the same words {@code /circle show} uses and
 * the count of answers organisers see with {@code /circle attendees}. It hands out no member's name.
 */
@FeaturePort
public interface CircleCalendar {

    /** The most meetings of one circle returned for one span (a daily circle's two months). */
    int MAX_PER_CIRCLE = 62;

    /** The meetings of the community's circles (not cancelled) that overlap {@code from} to {@code to}, earliest first. */
    List<Meeting> meetings(CommunityRef community, Instant from, Instant to, Speech speech);

    /**
     * One meeting, named by its circle's id and its key ({@code 20270302T1900}); empty for an unknown circle, a
     * malformed key, or a meeting that does not take place (skipped, cancelled, not in the rule).
     */
    Optional<Meeting> meeting(CommunityRef community, String circleId, String meetingKey, Speech speech);

    /**
     * One meeting as the page shows it.
     *
     * @param place       where, as markup in the speech's language ({@code circle.place.*})
     * @param when        the circle's schedule, as markup ({@code /circle show}'s "When")
     * @param description the organisers' description (member-written plain text), or empty
     */
    @FeaturePort
    record Meeting(String circleId, String circleName, String key, ZonedDateTime start, Duration duration, boolean moved,
                   String place, String when, String description, Answers answers) {

        public Meeting {
            Objects.requireNonNull(circleId, "circleId");
            Objects.requireNonNull(circleName, "circleName");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(duration, "duration");
            Objects.requireNonNull(answers, "answers");
        }
    }

    /** How many members answered coming, maybe and not this time: counts only, no names. */
    @FeaturePort
    record Answers(int coming, int maybe, int notComing) {
    }
}
