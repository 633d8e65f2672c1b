package org.circlekeeper.core.checkin;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.circlekeeper.core.engine.FeatureRegistry;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.FeaturePort;
import org.circlekeeper.core.ref.MemberRef;
import org.circlekeeper.core.ref.MessageKey;

/**
 * A member's own check-ins as {@code /checkin history} shows them to that member alone: the last four weeks' moods,
 * their streak and their first day. No note: notes stay in the member's export. Offered by the check-in feature to the
 * member's own page; found in the registry when asked, so it does not matter which feature is built first.
 */
@FeaturePort
public interface OwnCheckins {

    /** The member's history in the community, up to today in their zone there. */
    History history(CommunityRef community, MemberRef member);

    /** The check-in feature's history, if the bot has the feature. */
    static Optional<OwnCheckins> in(FeatureRegistry registry) {
        return registry.features().stream().filter(OwnCheckins.class::isInstance).map(OwnCheckins.class::cast).findFirst();
    }

    /**
     * What the history shows: the days from {@code from} to {@code today}, the ones with a check-in in {@code days}
     * (oldest first), the running streak (0 for none), the member's first day with the group, if kept, and the word
     * of each mood level from 1 to 5 (for a chart's scale).
     */
    @FeaturePort
    record History(LocalDate from, LocalDate today, List<Day> days, int streak, Optional<LocalDate> since, List<MessageKey> levels) {
        public History {
            levels = List.copyOf(levels);
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(today, "today");
            days = List.copyOf(days);
            Objects.requireNonNull(since, "since");
        }
    }

    /** A day with a check-in: its mood's level (1 to 5, 5 the best), the mood's word and its emoji. */
    @FeaturePort
    record Day(LocalDate day, int level, MessageKey word, MessageKey emoji) {
        public Day {
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(word, "word");
            Objects.requireNonNull(emoji, "emoji");
        }
    }
}
