package org.circlekeeper.core.checkin;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.circlekeeper.core.ref.ChannelRef;

/**
 * A community's check-in prompt, set by its organisers: on which days, at what local time and with
 * which question set prompts go out (to the members who asked for them), and the group channel
 * where lines members choose to share are posted.
 *
 * @param days      prompt days; empty means prompts are off
 * @param channel   the group channel for shared lines, or null until organisers set up in a group channel
 */
public record CheckinSettings(Set<DayOfWeek> days, LocalTime time, String questions, ChannelRef channel) {

    public static final LocalTime DEFAULT_TIME = LocalTime.of(9, 0);
    public static final CheckinSettings OFF = new CheckinSettings(Set.of(), DEFAULT_TIME, QuestionSets.DEFAULT, null);

    public CheckinSettings {
        days = days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(questions, "questions");
        if (channel != null && channel.isDirect()) {
            throw new IllegalArgumentException("shared lines go to a group channel, not a direct chat");
        }
    }

    public boolean promptsOn() {
        return !days.isEmpty();
    }

    public CheckinSettings withPrompt(Set<DayOfWeek> newDays, LocalTime newTime, String newQuestions) {
        return new CheckinSettings(newDays, newTime, newQuestions, channel);
    }

    public CheckinSettings withChannel(ChannelRef newChannel) {
        return new CheckinSettings(days, time, questions, newChannel);
    }

    public CheckinSettings withoutPrompts() {
        return new CheckinSettings(Set.of(), time, questions, channel);
    }
}
