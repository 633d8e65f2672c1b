package org.circlekeeper.core.checkin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.circlekeeper.core.engine.PreferenceResolver;
import org.circlekeeper.core.ref.CommunityRef;

/** {@link GroupPulses} read from the check-in store, each week computed by {@link Pulse} as {@code /pulse} computes it. */
final class StoredGroupPulses implements GroupPulses {

    private final CheckinStore checkins;
    private final PreferenceResolver preferences;

    StoredGroupPulses(CheckinStore checkins, PreferenceResolver preferences) {
        this.checkins = Objects.requireNonNull(checkins, "checkins");
        this.preferences = Objects.requireNonNull(preferences, "preferences");
    }

    @Override
    public List<Week> closedWeeks(CommunityRef community, Instant now, int weeks) {
        int count = Math.max(0, Math.min(weeks, MAX_WEEKS));
        if (count == 0) {
            return List.of();
        }
        PulseWeek last = PulseWeek.lastClosed(now, preferences.resolve(community).zone());
        PulseWeek first = last;
        for (int i = 1; i < count; i++) {
            first = first.previous();
        }
        List<List<DayMood>> moods = checkins.moodsSince(community, first.monday());
        List<Week> out = new ArrayList<>();
        for (PulseWeek week = first; !week.monday().isAfter(last.monday()); week = new PulseWeek(week.monday().plusWeeks(1))) {
            out.add(view(Pulse.of(moods, week)));
        }
        return List.copyOf(out);
    }

    private static Week view(Pulse pulse) {
        PulseWeek week = pulse.week();
        if (!pulse.shown()) {
            return new Week(week.monday(), week.sunday(), false, 0, 0, List.of());
        }
        List<MoodCount> spread = new ArrayList<>();
        for (int level = Mood.GREAT.level(); level >= Mood.REALLY_HARD.level(); level--) {
            Mood mood = Mood.of(level).orElseThrow();
            spread.add(new MoodCount(mood.word(), mood.emoji(), level, pulse.spread().getOrDefault(mood, 0)));
        }
        return new Week(week.monday(), week.sunday(), true, pulse.checkins(), pulse.average(), spread);
    }
}
