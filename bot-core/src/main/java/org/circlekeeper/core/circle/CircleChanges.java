package org.circlekeeper.core.circle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.circlekeeper.core.engine.Turn;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.schedule.Job;

/**
 * What follows every change an organiser makes to a circle: its next version is stored only if nobody changed it
 * meanwhile, its planned reminders and its event move along, and the organiser hears of meetings where the clocks change.
 */
final class CircleChanges {

    /** How far ahead an organiser is told of meetings that fall where the clocks change. */
    static final Duration CLOCK_CHANGES_AHEAD = Duration.ofDays(366);

    private final CircleStores stores;
    private final Reminders reminders;
    private final CircleEvents events;

    CircleChanges(CircleStores stores, Reminders reminders, CircleEvents events) {
        this.stores = stores;
        this.reminders = reminders;
        this.events = events;
    }

    /**
     * Stores the next version of a circle and moves its planned reminders (and its event, where the
     * platform lists events) along; false (after a kind
     * reply) when someone changed it meanwhile, in which case nothing changed.
     */
    boolean save(Turn turn, Circle before, Circle after) {
        CommunityRef community = turn.community();
        List<Duration> leads = stores.circles().settings(community).leadTimes();
        Map<MemberRef, ReminderChoice> choices = stores.reminders().all(community);
        List<Job> planned = reminders.jobs(community, before, leads, choices);
        if (!stores.circles().replace(community, after)) {
            turn.replyPrivately(CircleMessages.ERR_BUSY);
            return false;
        }
        reminders.replace(planned, reminders.jobs(community, after, leads, choices));
        reminders.ensureChain(community, after);
        events.changed(community, after.id());
        return true;
    }

    /** Tells the organiser, privately, which meetings of the coming year fall where the clocks change, and when they really are. */
    static void tellClockChanges(Turn turn, Circle circle) {
        List<Occurrences.ClockChange> changes = Occurrences.clockChanges(circle, turn.now(), CLOCK_CHANGES_AHEAD);
        if (changes.isEmpty()) {
            return;
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (Occurrences.ClockChange change : changes) {
            items.add(Map.of("day", CircleTexts.date(change.local().toLocalDate(), turn.locale()),
                    "time", CircleTexts.time(change.local().toLocalTime(), turn.locale()), "gap", change.gap(),
                    "actual", CircleTexts.time(change.start().toLocalTime(), turn.locale()),
                    "offset", "UTC" + change.start().getOffset().getId()));
        }
        turn.replyPrivately(CircleMessages.CLOCK_CHANGES, "name", circle.name(), "zone", circle.schedule().zone().getId(), "items", items);
    }
}
