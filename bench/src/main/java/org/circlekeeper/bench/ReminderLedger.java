package org.circlekeeper.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The month simulation's account of channel reminders: which ones the bot delivered, set against the ones due from
 * the circles' schedules and lead times alone (not from anything the bot stored or ran), so a lost or doubled
 * reminder shows.
 */
final class ReminderLedger {

    /** The reminder one channel message delivered: which community, which circle, when. */
    record ReminderKey(int community, String circle, Instant at) {
    }

    /** How the delivered reminders compare with those due. */
    record Tally(int due, int delivered, int lost, int doubled, int unexpected) {
    }

    private final Map<ReminderKey, Integer> delivered = new HashMap<>();

    /** Counts one delivered channel reminder. */
    void delivered(int community, String circle, Instant at) {
        delivered.merge(new ReminderKey(community, circle, at), 1, Integer::sum);
    }

    /** Compares what was delivered with what was due until {@code end}, adding up to ten problems to {@code problems}. */
    Tally tally(int communities, Instant end, List<String> problems) {
        Set<ReminderKey> due = due(communities, end);
        int lost = 0;
        for (ReminderKey key : due) {
            if (!delivered.containsKey(key)) {
                lost++;
                if (problems.size() < 10) {
                    problems.add("lost: community " + key.community() + ", " + key.circle() + ", due " + key.at());
                }
            }
        }
        int doubled = 0;
        int unexpected = 0;
        int deliveredCount = 0;
        for (Map.Entry<ReminderKey, Integer> e : delivered.entrySet()) {
            deliveredCount += e.getValue();
            doubled += e.getValue() - 1;
            if (!due.contains(e.getKey())) {
                unexpected += e.getValue();
                if (problems.size() < 10) {
                    problems.add("not due: community " + e.getKey().community() + ", " + e.getKey().circle() + ", sent "
                            + e.getKey().at());
                }
            }
            if (e.getValue() > 1 && problems.size() < 10) {
                problems.add("doubled: community " + e.getKey().community() + ", " + e.getKey().circle() + ", at " + e.getKey().at());
            }
        }
        return new Tally(due.size(), deliveredCount, lost, doubled, unexpected);
    }

    /**
     * The channel reminders due from the start to {@code end}, from the circles' schedules and lead times alone (not
     * from anything the bot stored or ran): each meeting's start minus each lead time, when that lies after the
     * circles were created and no later than the last tick.
     */
    static Set<ReminderKey> due(int communities, Instant end) {
        Set<ReminderKey> due = new HashSet<>();
        LocalDate first = LocalDate.ofInstant(MonthSimulation.START, ZoneOffset.UTC);
        LocalDate last = LocalDate.ofInstant(end, ZoneOffset.UTC).plusDays(8);
        for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
            for (MonthSimulation.CircleDef circle : MonthSimulation.CIRCLES) {
                if (date.getDayOfWeek() != circle.day()) {
                    continue;
                }
                Instant start = date.atTime(circle.start()).toInstant(ZoneOffset.UTC);
                for (Duration lead : MonthSimulation.LEADS) {
                    Instant at = start.minus(lead);
                    if (at.isAfter(MonthSimulation.START) && !at.isAfter(end)) {
                        for (int c = 0; c < communities; c++) {
                            due.add(new ReminderKey(c, circle.name(), at));
                        }
                    }
                }
            }
        }
        return due;
    }
}
