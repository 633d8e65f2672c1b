package org.circlekeeper.core.checkin;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;

/**
 * What a member chose about check-ins in one community, and what the bot remembers for them there.
 * Empty until they choose; kept for the retention period after their last check-in or change.
 *
 * @param prompts whether they want the community's prompts
 * @param time    their own prompt time, or null for the community's
 * @param away    no prompts up to and including this date, or null
 * @param buddy   whom to tell when they could use support, or null (nobody; the default)
 * @param since   the day of their first check-in here, for "a month with the group"
 * @param planned the id of their next planned prompt job, so a change or erasure can take it back
 */
public record CheckinProfile(boolean prompts, LocalTime time, LocalDate away, Buddy buddy, LocalDate since,
                             String planned) {

    public static final CheckinProfile NONE = new CheckinProfile(false, null, null, null, null, null);

    public Optional<LocalTime> ownTime() {
        return Optional.ofNullable(time);
    }

    public Optional<LocalDate> awayUntil() {
        return Optional.ofNullable(away);
    }

    public Optional<Buddy> buddySetting() {
        return Optional.ofNullable(buddy);
    }

    public Optional<LocalDate> sinceDay() {
        return Optional.ofNullable(since);
    }

    public Optional<String> plannedJob() {
        return Optional.ofNullable(planned);
    }

    /** True when nothing is chosen or remembered, so the record can be removed. */
    public boolean isEmpty() {
        return !prompts && time == null && away == null && buddy == null && since == null && planned == null;
    }

    /** True when prompts should reach the member on this day of theirs. */
    public boolean wantsPromptOn(LocalDate day) {
        return prompts && (away == null || day.isAfter(away));
    }

    public CheckinProfile withPrompts(boolean on) {
        return new CheckinProfile(on, time, away, buddy, since, planned);
    }

    public CheckinProfile withTime(LocalTime newTime) {
        return new CheckinProfile(prompts, newTime, away, buddy, since, planned);
    }

    public CheckinProfile withAway(LocalDate until) {
        return new CheckinProfile(prompts, time, until, buddy, since, planned);
    }

    public CheckinProfile withBuddy(Buddy newBuddy) {
        return new CheckinProfile(prompts, time, away, newBuddy, since, planned);
    }

    public CheckinProfile withSince(LocalDate day) {
        return new CheckinProfile(prompts, time, away, buddy, day, planned);
    }

    public CheckinProfile withPlanned(String jobId) {
        return new CheckinProfile(prompts, time, away, buddy, since, jobId);
    }
}
