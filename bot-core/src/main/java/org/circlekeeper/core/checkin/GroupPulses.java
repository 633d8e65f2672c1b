package org.circlekeeper.core.checkin;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.circlekeeper.core.ref.CommunityRef;
import org.circlekeeper.core.ref.FeaturePort;
import org.circlekeeper.core.ref.MessageKey;

/**
 * What the check-in feature shows of a group's pulse outside chat (the organisers' page): the same figures
 * {@code /pulse} gives organisers, for each of the last closed weeks, computed by the same rule and hidden under the
 * same floor. Never whose, never a note, never a week that is still open.
 */
@FeaturePort
public interface GroupPulses {

    /**
     * The floor of every group figure: fewer people than this and someone could be recognised, so nothing is shown.
     * The one rule, {@code /pulse}'s own; other features showing counts of people use it too.
     */
    int MIN_CONTRIBUTORS = Pulse.MIN_CONTRIBUTORS;

    /** The most weeks one call returns. */
    int MAX_WEEKS = 26;

    /**
     * The pulse of each of the {@code weeks} latest weeks closed at {@code now} (in the group's zone, as {@code /pulse}
     * reckons them), oldest first; at most {@link #MAX_WEEKS}. A week with fewer than {@link #MIN_CONTRIBUTORS}
     * members checking in is {@link Week#shown() not shown} and carries no figure.
     */
    List<Week> closedWeeks(CommunityRef community, Instant now, int weeks);

    /**
     * One closed week's pulse.
     *
     * @param shown    false when too few members checked in: then every figure is zero and the spread empty
     * @param checkins how many check-ins the week had
     * @param average  the mean mood, 1 (really hard) to 5 (great)
     * @param spread   how many check-ins had each mood, from the lightest to the heaviest
     */
    @FeaturePort
    record Week(LocalDate monday, LocalDate sunday, boolean shown, int checkins, double average, List<MoodCount> spread) {

        public Week {
            Objects.requireNonNull(monday, "monday");
            Objects.requireNonNull(sunday, "sunday");
            spread = List.copyOf(spread);
        }
    }

    /**
     * How many check-ins of a week had one mood.
     *
     * @param word  the mood's word ({@code checkin.mood.N})
     * @param emoji the mood's emoji ({@code checkin.mood.N.emoji})
     * @param level 1 (really hard) to 5 (great)
     */
    @FeaturePort
    record MoodCount(MessageKey word, MessageKey emoji, int level, int count) {
    }
}
