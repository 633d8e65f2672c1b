package org.circlekeeper.core.circle;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.circlekeeper.core.engine.Args;
import org.circlekeeper.core.engine.Turn;

/**
 * {@code /circle skip} and {@code /circle reschedule}: one meeting of a circle left out or moved (the exceptions of
 * RFC 5545). A meeting cannot be moved onto another of its circle, and exceptions older than
 * {@link #EXCEPTION_HISTORY} are forgotten when a circle changes, so a circle never runs out of them.
 */
final class MeetingExceptions {

    /** Skips and moves of meetings older than this are forgotten when a circle changes. */
    static final Duration EXCEPTION_HISTORY = Duration.ofDays(90);

    private final CircleLookup lookup;
    private final CircleChanges changes;
    private final Clock clock;

    MeetingExceptions(CircleLookup lookup, CircleChanges changes, Clock clock) {
        this.lookup = lookup;
        this.changes = changes;
        this.clock = clock;
    }

    void skip(Turn turn, Args args) {
        Optional<Circle> found = lookup.find(turn, args.text("id"));
        if (found.isEmpty() || CircleLookup.isCancelled(turn, found.get())) {
            return;
        }
        Circle circle = found.get();
        Optional<Occurrence> meeting = upcomingOn(turn, circle, args.text("date"));
        if (meeting.isEmpty() || tooManyExceptions(turn, circle, meeting.get())) {
            return;
        }
        if (changes.save(turn, circle, pruned(circle.withSkip(meeting.get().original())))) {
            turn.reply(CircleMessages.SKIPPED, "name", circle.name(), "start", CircleTexts.start(meeting.get().start(), turn.locale()));
        }
    }

    void reschedule(Turn turn, Args args) {
        Optional<Circle> found = lookup.find(turn, args.text("id"));
        if (found.isEmpty() || CircleLookup.isCancelled(turn, found.get())) {
            return;
        }
        Circle circle = found.get();
        Optional<Occurrence> meeting = upcomingOn(turn, circle, args.text("date"));
        if (meeting.isEmpty()) {
            return;
        }
        String typed = args.text("to");
        Optional<LocalDateTime> to = WhenParser.dateTime(typed, meeting.get().start().toLocalDate());
        if (to.isEmpty()) {
            turn.replyPrivately(CircleMessages.ERR_NEW_TIME, "given", typed);
            return;
        }
        ZonedDateTime newStart = circle.schedule().at(to.get());
        if (!newStart.toInstant().isAfter(turn.now())) {
            turn.replyPrivately(CircleMessages.ERR_PAST, "given", typed);
            return;
        }
        Optional<Occurrence> clash = Occurrences.clash(circle, meeting.get().original(), newStart);
        if (clash.isPresent()) {
            turn.replyPrivately(CircleMessages.ERR_CLASH, "name", circle.name(), "id", circle.id(),
                    "from", CircleTexts.start(meeting.get().start(), turn.locale()), "to", CircleTexts.start(newStart, turn.locale()),
                    "other", CircleTexts.start(clash.get().start(), turn.locale()), "date", clash.get().start().toLocalDate().toString());
            return;
        }
        if (tooManyExceptions(turn, circle, meeting.get())) {
            return;
        }
        Circle moved = pruned(circle.withMove(meeting.get().original(), to.get()));
        if (changes.save(turn, circle, moved)) {
            turn.reply(CircleMessages.RESCHEDULED, "name", circle.name(), "from", CircleTexts.start(meeting.get().start(), turn.locale()),
                    "to", CircleTexts.start(newStart, turn.locale()));
            CircleChanges.tellClockChanges(turn, moved);
        }
    }

    /** The meeting on a typed date that has not started yet, or a kind reply. */
    private Optional<Occurrence> upcomingOn(Turn turn, Circle circle, String typed) {
        Optional<LocalDate> date = WhenParser.date(typed);
        if (date.isEmpty()) {
            turn.replyPrivately(CircleMessages.ERR_DATE, "given", typed);
            return Optional.empty();
        }
        Optional<Occurrence> meeting = Occurrences.onDate(circle, date.get())
                .filter(o -> o.start().toInstant().isAfter(turn.now()));
        if (meeting.isEmpty()) {
            boolean skipped = circle.skips().stream().anyMatch(s -> s.toLocalDate().equals(date.get()));
            String day = CircleTexts.date(date.get(), turn.locale());
            turn.replyPrivately(skipped ? CircleMessages.ERR_ALREADY_SKIPPED : CircleMessages.ERR_NO_MEETING_ON,
                    "name", circle.name(), "date", day);
        }
        return meeting;
    }

    private boolean tooManyExceptions(Turn turn, Circle circle, Occurrence meeting) {
        Circle current = pruned(circle);
        boolean adds = !current.moves().containsKey(meeting.original());
        if (adds && current.exceptionCount() >= Circle.MAX_EXCEPTIONS) {
            turn.replyPrivately(CircleMessages.ERR_EXCEPTIONS, "max", Circle.MAX_EXCEPTIONS);
            return true;
        }
        return false;
    }

    private Circle pruned(Circle circle) {
        LocalDateTime cutoff = LocalDateTime.ofInstant(clock.instant().minus(EXCEPTION_HISTORY), circle.schedule().zone());
        return circle.withoutExceptionsBefore(cutoff);
    }
}
