package org.circlekeeper.core.checkin;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The group's pulse over one closed week ({@link PulseWeek}): how many check-ins, how the moods spread,
 * and how the average compares with the week before. It is computed only from anonymous moods, and a
 * week counts only when at least {@link #MIN_CONTRIBUTORS} members contributed. Never a live or sliding
 * window: one member's check-in can never be isolated by taking the pulse before and after it.
 */
record Pulse(PulseWeek week, boolean shown, int checkins, Map<Mood, Integer> spread, double average,
             Optional<Double> lastWeekAverage) {

    /** Fewer members than this and someone could be recognised, so nothing is shown. */
    static final int MIN_CONTRIBUTORS = 5;
    /** How far an average must move to be called lighter or heavier. */
    static final double TREND_STEP = 0.3;

    /** The pulse of {@code week} and the week before it, from each member's moods. */
    static Pulse of(List<List<DayMood>> members, PulseWeek week) {
        Week current = week(members, week);
        if (current.contributors() < MIN_CONTRIBUTORS) {
            return new Pulse(week, false, 0, Map.of(), 0, Optional.empty());
        }
        Week last = week(members, week.previous());
        Optional<Double> lastAverage = last.contributors() >= MIN_CONTRIBUTORS ? Optional.of(last.average()) : Optional.empty();
        return new Pulse(week, true, current.checkins(), current.spread(), current.average(), lastAverage);
    }

    /** Lighter (1), about the same (0) or heavier (-1) than last week, when there is a last week to compare. */
    Optional<Integer> trend() {
        return lastWeekAverage.map(last -> {
            double change = average - last;
            return change >= TREND_STEP ? 1 : change <= -TREND_STEP ? -1 : 0;
        });
    }

    private record Week(int contributors, int checkins, Map<Mood, Integer> spread, double average) {
    }

    private static Week week(List<List<DayMood>> members, PulseWeek period) {
        Map<Mood, Integer> spread = new EnumMap<>(Mood.class);
        int contributors = 0;
        int checkins = 0;
        long sum = 0;
        for (List<DayMood> moods : members) {
            boolean contributed = false;
            for (DayMood mood : moods) {
                if (period.contains(mood.day())) {
                    spread.merge(mood.mood(), 1, Integer::sum);
                    checkins++;
                    sum += mood.mood().level();
                    contributed = true;
                }
            }
            if (contributed) {
                contributors++;
            }
        }
        return new Week(contributors, checkins, spread, checkins == 0 ? 0 : (double) sum / checkins);
    }
}
